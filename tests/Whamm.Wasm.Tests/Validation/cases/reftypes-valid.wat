;; expect: valid
(module
  (table $t 1 externref)
  (table $f 2 funcref)
  (elem declare func $g)
  (elem (table $f) (i32.const 0) funcref (ref.func $g) (ref.null func))
  (func $g (param externref) (result externref)
    (table.set $t (i32.const 0) (local.get 0))
    (drop (table.grow $t (ref.null extern) (i32.const 2)))
    (table.fill $t (i32.const 0) (local.get 0) (table.size $t))
    (drop (ref.is_null (ref.func $g)))
    (select (result externref) (table.get $t (i32.const 0)) (local.get 0) (i32.const 1)))
  (func (param funcref) (result funcref) (select (result funcref) (local.get 0) (ref.null func) (i32.const 0))))
