(module
  (func $alpha (result i32) (i32.const 1))
  (func $beta (result i32) (i32.const 2))
  (func $alphabet (result i32) (i32.add (call $alpha) (call $beta)))
  (func $main (export "_start")
    (drop (call $alphabet))
    (drop (call $alpha))))
