;; expect: invalid
;; message: SIMD index out of bounds
;; at: v128.store16_lane
(module (memory 1) (func (param v128) i32.const 0 local.get 0 v128.store16_lane 8))
