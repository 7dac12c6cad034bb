(module
  ;; i = 1..10: a diamond (odd or even i), a continue when 3 divides i, an exit at i = 10
  (func $walk (result i32) (local $i i32) (local $odd i32) (local $skips i32)
    (block $done
      (loop $next
        (local.set $i (i32.add (local.get $i) (i32.const 1)))          ;; every iteration: 10
        (block $join
          (block $even
            (br_if $even (i32.eqz (i32.and (local.get $i) (i32.const 1))))
            (local.set $odd (i32.add (local.get $odd) (i32.const 1)))  ;; odd i: 5
            (br $join))
          (nop))                                                       ;; even i: 5
        (block $stay                                                   ;; every iteration: 10
          (br_if $done (i32.ge_u (local.get $i) (i32.const 10)))       ;; taken at i = 10: the rest of that iteration never runs
          (nop))
        (block $indivisible                                            ;; i = 1..9
          (br_if $indivisible (i32.rem_u (local.get $i) (i32.const 3)))
          (local.set $skips (i32.add (local.get $skips) (i32.const 1))) ;; i = 3, 6, 9
          (br $next))
        (nop)                                                          ;; i = 1, 2, 4, 5, 7, 8
        (br $next)))
    (i32.add (i32.mul (local.get $odd) (i32.const 100)) (local.get $skips)))
  (func (export "_start") (drop (call $walk))))
