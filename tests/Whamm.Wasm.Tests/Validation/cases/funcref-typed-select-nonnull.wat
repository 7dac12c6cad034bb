;; expect: valid
(module (type $t (func)) (elem declare func $f) (func $f)
  (func (param i32) (result (ref $t)) ref.func $f ref.func $f local.get 0 select (result (ref $t))))
