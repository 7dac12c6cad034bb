;; expect: invalid
;; features: Wasm2 - Simd
;; message: SIMD support is not enabled
;; oracle: skip
(module (func (result i32) v128.const i64x2 0 0 v128.any_true))
