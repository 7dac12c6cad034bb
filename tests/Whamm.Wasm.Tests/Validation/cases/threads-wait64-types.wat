;; expect: invalid
;; message: type mismatch: expected i64, found i32
;; at: memory.atomic.wait64
(module (memory 1 1 shared) (func (result i32) i32.const 0 i32.const 0 i64.const 0 memory.atomic.wait64))
