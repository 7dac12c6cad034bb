;; expect: invalid
;; message: invalid array modification: array is immutable
;; at: array.set
(module (type $a (array i32)) (func (param (ref $a)) local.get 0 i32.const 0 i32.const 1 array.set $a))
