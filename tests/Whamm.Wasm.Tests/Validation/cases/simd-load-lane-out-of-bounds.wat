;; expect: invalid
;; message: SIMD index out of bounds
;; at: v128.load32_lane
(module (memory 1) (func (param v128) (result v128) i32.const 0 local.get 0 v128.load32_lane 4))
