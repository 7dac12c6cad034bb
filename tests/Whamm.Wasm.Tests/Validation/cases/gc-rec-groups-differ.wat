;; expect: invalid
;; message: type mismatch
;; at: call
(module
  (rec (type $a1 (struct (field (ref null $b1)))) (type $b1 (struct (field (ref null $a1)))))
  (rec (type $b2 (struct (field (ref null $a2)))) (type $a2 (struct (field (ref null $b2))) ) (type $extra (struct)))
  (func $take (param (ref null $a1)))
  (func (param (ref null $a2)) (call $take (local.get 0))))
