(module
  (func $helper_add (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func $helper_sub (param i32 i32) (result i32) (i32.sub (local.get 0) (local.get 1)))
  (func $compute_sum (param i32) (result i32) (call $helper_add (local.get 0) (i32.const 1)))
  (func $main (export "_start")
    (drop (call $helper_add (i32.const 2) (i32.const 3)))
    (drop (call $helper_sub (i32.const 2) (i32.const 3)))
    (drop (call $compute_sum (i32.const 4)))
    (drop (call $compute_sum (i32.const 5)))))
