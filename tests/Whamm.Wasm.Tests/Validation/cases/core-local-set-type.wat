;; expect: invalid
;; message: type mismatch: expected f64, found f32
;; at: local.set
(module (func (local f64) f32.const 1 local.set 0))
