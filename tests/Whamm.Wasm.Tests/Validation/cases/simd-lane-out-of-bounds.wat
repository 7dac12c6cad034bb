;; expect: invalid
;; message: SIMD index out of bounds
;; at: i32x4.extract_lane
(module (func (param v128) (result i32) local.get 0 i32x4.extract_lane 4))
