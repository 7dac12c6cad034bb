;; expect: invalid
;; message: type mismatch: expected i32, found i64
;; at: i32.add
(module (func (result i32) i32.const 1 i64.const 2 i32.add))
