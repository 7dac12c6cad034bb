(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (func $leaf (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
  (func $mid (param i32) (result i32)
    (i32.add (call $leaf (local.get 0)) (call $leaf (i32.const 1))))
  (func (export "_start") (local $i i32)
    (loop $again
      (drop (call $mid (local.get $i)))
      (if (i32.eq (local.get $i) (i32.const 4)) (then (call $exit (i32.const 9))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $again))))
