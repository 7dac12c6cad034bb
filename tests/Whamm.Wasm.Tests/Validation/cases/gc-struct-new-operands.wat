;; expect: invalid
;; message: type mismatch: expected i64, found i32
;; at: struct.new
(module (type $s (struct (field i32) (field i64))) (func i32.const 0 i32.const 1 struct.new $s drop))
