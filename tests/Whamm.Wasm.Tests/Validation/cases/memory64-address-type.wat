;; expect: invalid
;; message: type mismatch: expected i64, found i32
;; at: i32.load
(module (memory i64 1) (func (result i32) i32.const 0 i32.load))
