(module
  (type $t (func (result i32)))
  (table $tab 5 funcref)
  (elem (i32.const 0) $f1 $f1 $f1 $f1 $f1)
  (elem declare func $f2)
  (func $f1 (type $t) (i32.const 1))
  (func $f2 (type $t) (i32.const 2))
  (func $main (export "_start") (local $i i32)
    (table.fill $tab (i32.const 1) (ref.func $f2) (i32.const 3))
    (loop $l
      (drop (call_indirect (type $t) (local.get $i)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 5))))))
