;; expect: invalid
;; message: field is not defaultable
;; at: struct.new_default
(module (type $s (struct (field (ref any)))) (func struct.new_default $s drop))
