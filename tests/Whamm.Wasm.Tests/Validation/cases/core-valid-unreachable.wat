;; expect: valid
(module
  (func (result i32) unreachable i32.add)
  (func (result i64) unreachable)
  (func (result f32) block (result f32) unreachable end)
  (func (result i32) (local i32) i32.const 0 br 0 i64.add drop local.get 0)
  (func (param i32) (result i32) block (result i32) i32.const 5 local.get 0 br_table 0 0 end)
  (func (result i32) unreachable select)
  (func unreachable drop drop drop)
  (func (result i64) i64.const 1 return i32.const 0 i64.extend_i32_s)
  (func (result i32) unreachable i32.const 1 select))
