;; expect: invalid
;; message: current function requires result type [i64] but callee returns [i32]
;; at: return_call
(module (func $f (result i32) i32.const 0) (func (result i64) return_call $f))
