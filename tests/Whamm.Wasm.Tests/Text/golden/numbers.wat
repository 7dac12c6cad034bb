;; Number spellings that must come back bit for bit.
(module
  (func $integers
    (drop (i32.const 0)) (drop (i32.const -1)) (drop (i32.const 2147483647)) (drop (i32.const -2147483648))
    (drop (i64.const 0)) (drop (i64.const -9223372036854775808)) (drop (i64.const 9223372036854775807)))
  (func $f32
    (drop (f32.const 0)) (drop (f32.const -0)) (drop (f32.const 1)) (drop (f32.const 0.1))
    (drop (f32.const 3.4028235e38)) (drop (f32.const 0x1p-149)) (drop (f32.const 0x1p-126)) (drop (f32.const 1.17549421e-38))
    (drop (f32.const inf)) (drop (f32.const -inf))
    (drop (f32.const nan)) (drop (f32.const -nan)) (drop (f32.const nan:0x1)) (drop (f32.const -nan:0x7fffff))
    (drop (f32.const nan:0x200000)))
  (func $f64
    (drop (f64.const 0)) (drop (f64.const -0)) (drop (f64.const 0.1)) (drop (f64.const 1e300)) (drop (f64.const -1e-300))
    (drop (f64.const 0x1.fffffffffffffp1023)) (drop (f64.const 0x1p-1074)) (drop (f64.const 0x1p-1022))
    (drop (f64.const 123456789012345680000)) (drop (f64.const 3.141592653589793))
    (drop (f64.const inf)) (drop (f64.const -inf))
    (drop (f64.const nan)) (drop (f64.const -nan)) (drop (f64.const nan:0x1)) (drop (f64.const nan:0x4000000000000)))
  (func $v128
    (drop (v128.const i32x4 0 -1 0x80000000 0x7fffffff))
    (drop (v128.const f32x4 nan -0 inf 1.5))
    (drop (v128.const f64x2 -nan:0x1 0x1p-1074)))
  (global f32 (f32.const -nan:0x123))
  (global f64 (f64.const 2.5e-320)))
