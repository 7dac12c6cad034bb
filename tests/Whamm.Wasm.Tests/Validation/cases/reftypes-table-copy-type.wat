;; expect: invalid
;; message: type mismatch
;; at: table.copy
(module (table $f 1 funcref) (table $e 1 externref) (func (table.copy $f $e (i32.const 0) (i32.const 0) (i32.const 1))))
