(module
  (memory (export "memory") 1)
  (data (i32.const 100) "shadowed bytes")
  (func $main (export "_start")
    (memory.copy (i32.const 200) (i32.const 100) (i32.const 8))
    (memory.copy (i32.const 300) (i32.const 109) (i32.const 5))))
