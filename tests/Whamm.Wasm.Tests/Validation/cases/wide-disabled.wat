;; expect: invalid
;; features: Wasmtime - WideArithmetic
;; message: wide arithmetic support is not enabled
;; at: i64.mul_wide_s
(module (func (param i64) (result i64 i64) local.get 0 local.get 0 i64.mul_wide_s))
