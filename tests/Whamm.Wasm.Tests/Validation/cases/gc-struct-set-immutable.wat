;; expect: invalid
;; message: struct field is immutable
;; at: struct.set
(module (type $s (struct (field i32))) (func (param (ref $s)) local.get 0 i32.const 1 struct.set $s 0))
