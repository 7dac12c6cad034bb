(module
  (func $a (result i32) (i32.const 1))
  (func $b (result i32) (i32.const 2))
  (func $main (export "_start")
    (drop (call $a))
    (drop (call $b))
    (drop (call $b))
    (drop (call $a))
    (drop (call $b))))
