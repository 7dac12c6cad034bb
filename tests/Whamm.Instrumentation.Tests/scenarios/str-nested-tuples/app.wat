(module
  (func $a (result i32) (i32.const 1))
  (func $bb (result i32) (i32.const 2))
  (func $main (export "_start")
    (drop (call $a))
    (drop (call $bb))
    (drop (call $bb))))
