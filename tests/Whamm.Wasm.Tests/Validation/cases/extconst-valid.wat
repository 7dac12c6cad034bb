;; expect: valid
(module
  (import "m" "base" (global $base i32))
  (global $g1 i32 (i32.add (global.get $base) (i32.mul (i32.const 4) (i32.const 8))))
  (global $g2 i64 (i64.sub (i64.const 10) (i64.const 3)))
  (global $g3 i32 (i32.sub (global.get $g1) (i32.const 1)))
  (memory 1)
  (data (i32.add (global.get $base) (i32.const 16)) "x"))
