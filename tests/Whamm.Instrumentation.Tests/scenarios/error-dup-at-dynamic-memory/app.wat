(module
  (memory 1)
  (func $main (export "_start") (memory.fill (i32.const 0) (i32.const 1) (i32.const 2))))
