;; expect: invalid
;; features: Wasm2 - MultiValue
;; message: func type returns multiple values but the multi-value feature is not enabled
;; oracle: skip
(module (func (result i32 i32) i32.const 0 i32.const 1))
