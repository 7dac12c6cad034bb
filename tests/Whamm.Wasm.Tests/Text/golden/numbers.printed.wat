(module
  (type (;0;) (func))
  (func $integers (;0;) (type 0)
    i32.const 0
    drop
    i32.const -1
    drop
    i32.const 2147483647
    drop
    i32.const -2147483648
    drop
    i64.const 0
    drop
    i64.const -9223372036854775808
    drop
    i64.const 9223372036854775807
    drop
  )
  (func $f32 (;1;) (type 0)
    f32.const 0
    drop
    f32.const -0
    drop
    f32.const 1
    drop
    f32.const 0.1
    drop
    f32.const 3.4028235e+38
    drop
    f32.const 1e-45
    drop
    f32.const 1.1754944e-38
    drop
    f32.const 1.1754942e-38
    drop
    f32.const inf
    drop
    f32.const -inf
    drop
    f32.const nan
    drop
    f32.const -nan
    drop
    f32.const nan:0x1
    drop
    f32.const -nan:0x7fffff
    drop
    f32.const nan:0x200000
    drop
  )
  (func $f64 (;2;) (type 0)
    f64.const 0
    drop
    f64.const -0
    drop
    f64.const 0.1
    drop
    f64.const 1e+300
    drop
    f64.const -1e-300
    drop
    f64.const 1.7976931348623157e+308
    drop
    f64.const 5e-324
    drop
    f64.const 2.2250738585072014e-308
    drop
    f64.const 1.2345678901234568e+20
    drop
    f64.const 3.141592653589793
    drop
    f64.const inf
    drop
    f64.const -inf
    drop
    f64.const nan
    drop
    f64.const -nan
    drop
    f64.const nan:0x1
    drop
    f64.const nan:0x4000000000000
    drop
  )
  (func $v128 (;3;) (type 0)
    v128.const i32x4 0x00000000 0xffffffff 0x80000000 0x7fffffff
    drop
    v128.const i32x4 0x7fc00000 0x80000000 0x7f800000 0x3fc00000
    drop
    v128.const i32x4 0x00000001 0xfff00000 0x00000001 0x00000000
    drop
  )
  (global (;0;) f32 (f32.const -nan:0x123))
  (global (;1;) f64 (f64.const 2.5e-320))
)
