(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  ;; called with x = 0, 1, ..., 7; x = 7 ends the program inside the call to $exit
  (func $f (param $x i32) (result i32) (local $y i32)
    (local.set $y (i32.mul (local.get $x) (i32.const 2)))              ;; every entry: 8
    (block $odd
      (br_if $odd (i32.and (local.get $x) (i32.const 1)))              ;; every entry: 8
      (local.set $y (i32.add (local.get $y) (i32.const 1))))           ;; even x: 4
    (local.set $y (i32.add (local.get $y) (i32.const 3)))              ;; every entry again: 8
    (if (i32.eq (local.get $x) (i32.const 7)) (then (call $exit (i32.const 0))))
    (local.set $y (i32.sub (local.get $y) (i32.const 1)))              ;; after a call: x = 0..6, 7
    (local.get $y))
  (func (export "_start") (local $i i32)
    (loop $l
      (drop (call $f (local.get $i)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 10))))))
