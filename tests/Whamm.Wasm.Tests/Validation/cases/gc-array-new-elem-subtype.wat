;; expect: invalid
;; message: invalid array.new_elem instruction: element segment 0 type mismatch
;; at: array.new_elem
(module (type $a (array (ref null struct))) (elem $e anyref (item (ref.null any)))
  (func (result (ref $a)) i32.const 0 i32.const 0 array.new_elem $a $e))
