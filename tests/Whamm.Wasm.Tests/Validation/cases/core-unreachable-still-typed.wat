;; expect: invalid
;; message: type mismatch: expected i32, found i64
;; at: i32.add
(module (func (result i32) unreachable i64.const 0 i32.add))
