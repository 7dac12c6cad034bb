;; expect: valid
(module (func (param v128 v128 v128) (result v128)
  (f32x4.relaxed_madd (local.get 0) (local.get 1) (local.get 2))
  (i8x16.relaxed_swizzle (local.get 1))
  (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get 0) (local.get 2))
  (i16x8.relaxed_laneselect (local.get 0) (local.get 1))))
