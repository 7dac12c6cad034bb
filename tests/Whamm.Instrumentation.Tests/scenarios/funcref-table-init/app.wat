(module
  (type $t (func (result i32)))
  (table $tab 4 funcref)
  (elem $seg func $f1 $f2 $f3)
  (func $f1 (type $t) (i32.const 1))
  (func $f2 (type $t) (i32.const 2))
  (func $f3 (type $t) (i32.const 3))
  (func $main (export "_start")
    ;; entries 2, 3 <- f2, f3
    (table.init $tab $seg (i32.const 2) (i32.const 1) (i32.const 2))
    (elem.drop $seg)
    (drop (call_indirect (type $t) (i32.const 2)))
    (drop (call_indirect (type $t) (i32.const 3)))
    (drop (table.get $tab (i32.const 0)))))
