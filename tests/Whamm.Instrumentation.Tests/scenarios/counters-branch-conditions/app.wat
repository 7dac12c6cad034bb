(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (global $sink (mut i32) (i32.const 0))
  (func $round (param $i i32) (local $j i32)
    (if (i32.eqz (i32.rem_u (local.get $i) (i32.const 3)))
      (then (global.set $sink (i32.const 1)))
      (else (global.set $sink (i32.const 2))))
    (if (i32.and (local.get $i) (i32.const 1))
      (then (global.set $sink (i32.add (global.get $sink) (i32.const 1)))))
    (block $done
      (loop $inner
        (br_if $done (i32.ge_u (local.get $j) (local.get $i)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br_if $inner (i32.lt_u (local.get $j) (local.get $i)))))
    (global.set $sink
      (block $early (result i32)
        (drop (br_if $early (i32.const 7) (i32.ge_u (local.get $i) (i32.const 7))))
        (i32.const 0)))
    (global.set $sink (select (i32.const 1) (i32.const 2) (i32.and (local.get $i) (i32.const 1)))))
  (func (export "_start") (local $i i32)
    (loop $again
      (call $round (local.get $i))
      (br_if $again (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 10))))
    (call $exit (i32.const 0))))
