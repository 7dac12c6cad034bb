;; expect: valid
(module
  (memory 1)
  (table 4 funcref)
  (data $d "abc")
  (elem $e func $f $f)
  (func $f
    (memory.init $d (i32.const 0) (i32.const 0) (i32.const 3))
    (data.drop $d)
    (memory.copy (i32.const 8) (i32.const 0) (i32.const 3))
    (memory.fill (i32.const 0) (i32.const 255) (i32.const 4))
    (table.init $e (i32.const 0) (i32.const 0) (i32.const 2))
    (elem.drop $e)
    (table.copy (i32.const 2) (i32.const 0) (i32.const 2))))
