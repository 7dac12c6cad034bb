(module
  (memory 1)
  (func $f (param i32))
  (func $main (export "_start") (call $f (i32.const 0))))
