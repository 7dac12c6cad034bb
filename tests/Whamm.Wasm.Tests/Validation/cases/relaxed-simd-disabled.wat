;; expect: invalid
;; features: Wasmtime - RelaxedSimd
;; message: relaxed SIMD support is not enabled
;; at: f32x4.relaxed_min
(module (func (param v128) (result v128) local.get 0 local.get 0 f32x4.relaxed_min))
