;; expect: invalid
;; message: array.new_data can only create arrays with numeric and vector elements
;; at: array.new_data
(module (type $a (array anyref)) (data "x") (func i32.const 0 i32.const 0 array.new_data $a 0 drop))
