;; expect: valid
(module
  (type $sup (sub (func (param (ref $sup)) (result anyref))))
  (type $sub (sub $sup (func (param (ref null $sup)) (result (ref i31))))))
