;; expect: valid
(module
  (type $pair (func (param i32 i64) (result i64 i32)))
  (func $swap (type $pair) local.get 1 local.get 0)
  (func (result i64 i32)
    i32.const 1 i64.const 2
    block (param i32 i64) (result i64 i32) call $swap end
    drop drop
    i32.const 1 i64.const 2
    block (type $pair) call $swap end)
  (func (param i32) (result i32 i32)
    i32.const 5 i32.const 6
    local.get 0
    if (param i32 i32) (result i32 i32) i32.add i32.const 0 else drop i32.const 9 end)
  (func (result i32)
    i32.const 1
    loop (param i32) (result i32) i32.const 1 i32.sub end))
