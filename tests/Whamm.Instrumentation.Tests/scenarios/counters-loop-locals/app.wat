(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  ;; a while loop: the exit branch leaves to the block that ends right after the loop
  (func $sum (param i32) (result i32) (local i32)
    (block $done
      (loop $l
        (br_if $done (i32.eqz (local.get 0)))
        (local.set 1 (i32.add (local.get 1) (local.get 0)))
        (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
        (br $l)))
    (local.get 1))
  ;; nested loops: only the inner one holds counters in locals
  (func $nested (local i32 i32)
    (loop $outer
      (local.set 1 (i32.const 0))
      (loop $inner
        (local.set 1 (i32.add (local.get 1) (i32.const 1)))
        (br_if $inner (i32.lt_u (local.get 1) (i32.const 3))))
      (local.set 0 (i32.add (local.get 0) (i32.const 1)))
      (br_if $outer (i32.lt_u (local.get 0) (i32.const 4)))))
  ;; a loop left for a block that ends later: its counters stay in memory
  (func $early (param i32) (result i32)
    (block $out
      (loop $l
        (br_if $out (i32.gt_u (local.get 0) (i32.const 20)))
        (local.set 0 (i32.mul (local.get 0) (i32.const 2)))
        (br $l))
      (local.set 0 (i32.const 0)))
    (local.get 0))
  (func (export "_start")
    (drop (call $sum (i32.const 10)))
    (call $nested)
    (drop (call $early (i32.const 3)))
    (call $exit (i32.const 3))))
