;; expect: valid
(module
  (type $v (func))
  (table $a 1 funcref)
  (table $b 2 funcref)
  (table $c 1 externref)
  (func (param externref)
    (call_indirect $b (type $v) (i32.const 1))
    (drop (table.grow $c (local.get 0) (i32.const 1)))
    (table.copy $a $b (i32.const 0) (i32.const 0) (i32.const 1))))
