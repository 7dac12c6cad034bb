(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (func $work (param $i i32) (result i32) (local $acc i32)
    ;; an if/else: the code after its end runs as often as the code before
    (if (i32.eqz (i32.rem_u (local.get $i) (i32.const 3)))
      (then (local.set $acc (i32.const 1)))
      (else (local.set $acc (i32.const 2))))
    (local.set $acc (i32.add (local.get $acc) (local.get $i)))
    ;; a block left early through its own end
    (block $skip
      (br_if $skip (i32.and (local.get $i) (i32.const 1)))
      (local.set $acc (i32.mul (local.get $acc) (i32.const 3))))
    (local.set $acc (i32.add (local.get $acc) (i32.const 7)))
    ;; an inner block that branches past the outer one
    (block $out
      (block $inner
        (br_if $out (i32.eq (local.get $i) (i32.const 4)))
        (local.set $acc (i32.sub (local.get $acc) (i32.const 1))))
      (local.set $acc (i32.add (local.get $acc) (i32.const 2))))
    ;; a loop inside an if
    (if (i32.gt_u (local.get $i) (i32.const 5))
      (then
        (loop $spin
          (local.set $acc (i32.add (local.get $acc) (i32.const 1)))
          (br_if $spin (i32.and (local.get $acc) (i32.const 3))))))
    ;; a trap that never happens, then the call that ends the program at i = 9
    (if (i32.eq (local.get $i) (i32.const 100)) (then unreachable))
    (if (i32.eq (local.get $i) (i32.const 9)) (then (call $exit (i32.const 0))))
    (local.get $acc))
  (func (export "_start") (local $i i32)
    (loop $again
      (drop (call $work (local.get $i)))
      (br_if $again (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 20))))))
