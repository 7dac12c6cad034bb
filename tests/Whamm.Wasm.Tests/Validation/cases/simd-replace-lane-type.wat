;; expect: invalid
;; message: type mismatch: expected f32, found i32
;; at: f32x4.replace_lane
(module (func (param v128) (result v128) local.get 0 i32.const 1 f32x4.replace_lane 0))
