(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (global $i (mut i32) (i32.const 0))
  ;; exits from inside a basic block, halfway through the 5th call
  (func $step (param i32) (result i32)
    (local.set 0 (i32.mul (local.get 0) (i32.const 3)))
    (if (i32.eq (global.get $i) (i32.const 5))
      (then
        (drop (i32.add (local.get 0) (i32.const 1)))
        (call $exit (i32.const 7))
        (drop (i32.add (local.get 0) (i32.const 2)))))
    (i32.add (local.get 0) (i32.const 1)))
  (func $loop (result i32) (local $acc i32)
    (loop $again
      (local.set $acc (i32.add (local.get $acc) (call $step (global.get $i))))
      (global.set $i (i32.add (global.get $i) (i32.const 1)))
      (br_if $again (i32.lt_u (global.get $i) (i32.const 10))))
    (local.get $acc))
  (func (export "_start")
    (drop (call $loop))))
