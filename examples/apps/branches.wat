;; Classifies the numbers 0 to 5 with an if, a br_if and a br_table, and prints nothing.
(module
  (memory (export "memory") 1)
  (global $odd (mut i32) (i32.const 0))
  (global $small (mut i32) (i32.const 0))
  (global $kind (mut i32) (i32.const 0))
  (func $classify (param $x i32)
    ;; if: is $x odd?
    (if (i32.and (local.get $x) (i32.const 1))
      (then (global.set $odd (i32.add (global.get $odd) (i32.const 1)))))
    ;; br_if: skip the count when $x >= 2
    (block $big
      (br_if $big (i32.ge_u (local.get $x) (i32.const 2)))
      (global.set $small (i32.add (global.get $small) (i32.const 1))))
    ;; br_table: arm 0 for 0, arm 1 for 1, the default (2) for everything else
    (block $other
      (block $one
        (block $zero
          (br_table $zero $one $other (local.get $x)))
        (global.set $kind (i32.add (global.get $kind) (i32.const 100)))
        (return))
      (global.set $kind (i32.add (global.get $kind) (i32.const 10)))
      (return))
    (global.set $kind (i32.add (global.get $kind) (i32.const 1))))
  (func $main (export "_start")
    (local $i i32)
    (loop $next
      (call $classify (local.get $i))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (i32.const 6))))))
