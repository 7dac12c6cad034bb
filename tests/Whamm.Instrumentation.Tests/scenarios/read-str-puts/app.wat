(module
  (memory (export "memory") 1)
  (data (i32.const 16) "first line")
  (data (i32.const 64) "second")
  (func $log (param i32 i32))
  (func $main (export "_start")
    (call $log (i32.const 16) (i32.const 10))
    (call $log (i32.const 64) (i32.const 6))
    (call $log (i32.const 16) (i32.const 5))))
