;; expect: valid
(module
  (type $ft (func (param i32) (result i32)))
  (elem declare func $inc)
  (table $t 1 (ref null $ft))
  (table $u 1 (ref $ft) (ref.func $inc))
  (func $inc (type $ft) local.get 0 i32.const 1 i32.add)
  (func (param (ref null $ft)) (result i32)
    (local $nn (ref $ft))
    ref.func $inc
    local.set $nn
    i32.const 1
    local.get $nn
    call_ref $ft
    block $null (param i32) (result i32)
      local.get 0
      br_on_null $null
      local.set $nn
      i32.const 2
      local.get $nn
      call_ref $ft
      i32.add
    end
    block $nn2 (result (ref $ft))
      local.get 0
      br_on_non_null $nn2
      ref.func $inc
    end
    local.set $nn
    i32.const 3
    local.get $nn
    call_ref $ft
    i32.add
    i32.const 4
    local.get 0
    ref.as_non_null
    call_ref $ft
    i32.add
    i32.const 0
    table.get $t
    drop)
  (func (param (ref $ft)) (result i32) (return_call_ref $ft (i32.const 1) (local.get 0))))
