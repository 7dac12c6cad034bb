;; expect: valid
(module (func (result i32 i64 f32)
  block (result i32 i64 f32)
    i32.const 1 i64.const 2 f32.const 3
    br 0
  end))
