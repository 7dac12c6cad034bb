(module
  (memory $m (export "memory") 1)
  (memory $shadow 1)
  (data $d "passive data")
  (func $check (param i32))
  (func $main (export "_start")
    (memory.init $m $d (i32.const 40) (i32.const 0) (i32.const 7))
    (call $check (i32.load8_u $shadow (i32.const 1000)))
    (call $check (i32.load8_u $shadow (i32.const 1006)))))
