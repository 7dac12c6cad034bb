(module
  (memory (export "memory") 1)
  (func $main (export "_start")
    (memory.fill (i32.const 10) (i32.const 65) (i32.const 4))
    (memory.fill (i32.const 20) (i32.const 66) (i32.const 3))))
