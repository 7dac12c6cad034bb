;; expect: invalid
;; message: invalid array modification: array is immutable
;; at: array.init_elem
(module (type $a (array funcref)) (elem $e func)
  (func (param (ref $a)) local.get 0 i32.const 0 i32.const 0 i32.const 0 array.init_elem $a $e))
