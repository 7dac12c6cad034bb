;; expect: invalid
;; message: type mismatch: expected i32 but nothing on stack
;; at: end
(module (func (result i32) i32.const 1 if (result i32) i32.const 2 end))
