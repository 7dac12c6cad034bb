;; expect: valid
(module (type $s (struct))
  (func (param anyref) (result i32 i32 (ref null $s) (ref $s))
    (ref.test (ref null $s) (local.get 0))
    (ref.test (ref $s) (local.get 0))
    (ref.cast (ref null $s) (local.get 0))
    (ref.cast (ref $s) (local.get 0))))
