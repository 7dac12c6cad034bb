;; expect: invalid
;; message: type mismatch: expected i32, found i64
;; at: memory.fill
(module (memory 1) (func i32.const 0 i64.const 0 i32.const 1 memory.fill))
