(module
  (global $g (mut i32) (i32.const 0))
  (func $sum (param i32) (result i32) (local i32)
    (block $out
      (loop $top
        (br_if $out (i32.eqz (local.get 0)))
        (local.set 1 (i32.add (local.get 1) (local.get 0)))
        (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
        (br $top)))
    (if (result i32) (i32.gt_s (local.get 1) (i32.const 10))
      (then (local.get 1))
      (else (i32.const 0))))
  (func $pick (param i32) (result i32)
    (block $c
      (block $b
        (block $a
          (br_table $a $b $c (local.get 0)))
        (return (i32.const 10)))
      (return (i32.const 20)))
    (i32.const 30))
  (func $main (export "_start")
    (global.set $g (call $sum (i32.const 4)))
    (global.set $g (call $sum (i32.const 5)))
    (if (i32.eqz (global.get $g)) (then (unreachable)))
    (drop (call $pick (i32.const 0)))
    (drop (call $pick (i32.const 1)))
    (drop (call $pick (i32.const 7)))))
