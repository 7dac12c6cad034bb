;; expect: valid
(module
  (memory 1)
  (func (param v128 i32) (result v128)
    local.get 0
    i8x16.extract_lane_u 15
    drop
    local.get 0
    i64.const 3
    i64x2.replace_lane 1
    local.get 0
    i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31
    local.set 0
    local.get 1
    local.get 0
    v128.load8_lane 15
    local.set 0
    local.get 1
    local.get 0
    v128.store64_lane 1
    v128.const i32x4 1 2 3 4
    local.get 0
    local.get 0
    v128.bitselect
    local.get 1
    v128.load32_splat
    i32x4.add
    local.get 1
    i16x8.shl
    local.get 0
    v128.any_true
    drop
    local.get 1
    local.get 0
    v128.store offset=16))
