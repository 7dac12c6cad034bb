;; expect: invalid
;; message: can only use struct `get` with non-packed storage types
;; at: struct.get
(module (type $s (struct (field i8))) (func (param (ref $s)) (result i32) local.get 0 struct.get $s 0))
