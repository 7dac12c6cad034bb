;; expect: invalid
;; message: type mismatch: expected i64, found i32
;; at: i64.store
(module (memory 1) (func i32.const 0 i32.const 1 i64.store))
