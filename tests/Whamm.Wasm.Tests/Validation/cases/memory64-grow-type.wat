;; expect: invalid
;; message: type mismatch: expected i32, found i64
;; at: end
(module (memory i64 1) (func (result i32) i64.const 1 memory.grow))
