;; expect: invalid
;; message: array types do not match
;; at: array.copy
(module (type $a (array (mut i32))) (type $b (array (mut i8)))
  (func (param (ref $a) (ref $b)) local.get 0 i32.const 0 local.get 1 i32.const 0 i32.const 1 array.copy $a $b))
