;; expect: invalid
;; message: unknown field: field index out of bounds
;; at: struct.get
(module (type $s (struct (field i32))) (func (param (ref $s)) (result i32) local.get 0 struct.get $s 1))
