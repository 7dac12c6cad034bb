;; expect: valid
(module
  (rec (type $a1 (struct (field (ref null $b1)))) (type $b1 (struct (field (ref null $a1)))))
  (rec (type $a2 (struct (field (ref null $b2)))) (type $b2 (struct (field (ref null $a2)))))
  (type $f1 (func (param (ref null $a1))))
  (func $take (type $f1))
  ;; $a2 is the same type as $a1 (iso-recursive equivalence), so this typechecks.
  (func (param (ref null $a2)) (call $take (local.get 0)))
  (func (result (ref null $b1)) (struct.get $a2 0 (struct.new_default $a1))))
