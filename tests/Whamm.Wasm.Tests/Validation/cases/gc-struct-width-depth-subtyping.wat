;; expect: valid
(module
  (type $a (sub (struct (field anyref) (field (mut i32)))))
  (type $b (sub $a (struct (field eqref) (field (mut i32)) (field f64))))
  (type $c (sub final $b (struct (field (ref i31)) (field (mut i32)) (field f64) (field i8))))
  (func (param (ref $c)) (result (ref null $a)) local.get 0))
