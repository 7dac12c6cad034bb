(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 2)
  (func (export "_start") (local $i i32)
    (loop $again
      (drop (i32.load (i32.const 16)))
      (i32.store (i32.add (i32.const 70000) (i32.mul (i32.rem_u (local.get $i) (i32.const 3)) (i32.const 4))) (local.get $i))
      (if (i32.lt_u (local.get $i) (i32.const 10)) (then (drop (i64.load offset=4 (i32.const 4)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $again (i32.lt_u (local.get $i) (i32.const 300))))
    (call $exit (i32.const 3))))
