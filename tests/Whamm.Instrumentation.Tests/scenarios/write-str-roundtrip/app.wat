(module
  (memory (export "memory") 1)
  (func $check (param i32))
  (func $main (export "_start")
    (call $check (i32.const 0))
    (call $check (i32.load8_u (i32.const 400)))
    (call $check (i32.load8_u (i32.const 402)))))
