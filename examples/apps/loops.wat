;; Two nested loops: the outer one runs 2 times, the inner one 3 times per outer iteration.
(module
  (memory (export "memory") 1)
  (func $main (export "_start")
    (local $i i32) (local $j i32)
    (loop $outer
      (local.set $j (i32.const 0))
      (loop $inner
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br_if $inner (i32.lt_u (local.get $j) (i32.const 3))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $outer (i32.lt_u (local.get $i) (i32.const 2))))))
