(module
  (global $g (mut i32) (i32.const 0))
  (func $add (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func $sub (param i32 i32) (result i32) (i32.sub (local.get 0) (local.get 1)))
  (func $main (export "_start")
    (global.set $g (call $add (i32.const 2) (i32.const 3)))
    (global.set $g (i32.mul (global.get $g) (i32.const 10)))
    (global.set $g (call $add (i32.const 1) (i32.const 1)))
    (global.set $g (call $sub (i32.const 10) (i32.const 4)))))
