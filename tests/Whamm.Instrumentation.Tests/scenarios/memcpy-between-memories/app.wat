(module
  (memory $a (export "memory") 1)
  (memory $b 1)
  (data (memory $a) (i32.const 32) "copy me")
  (func $check (param i32))
  (func $main (export "_start")
    (call $check (i32.const 0))
    (call $check (i32.load8_u $b (i32.const 8)))))
