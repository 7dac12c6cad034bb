;; expect: invalid
;; features: All
;; message: type mismatch: expected i32 but nothing on stack
;; at: end
;; oracle: skip
(module (func (result i32) try (result i32) i32.const 1 catch_all end))
