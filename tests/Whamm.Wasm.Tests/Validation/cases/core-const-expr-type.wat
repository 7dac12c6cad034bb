;; expect: invalid
;; message: type mismatch: expected i32, found i64
;; at: end
(module (global i32 (i64.const 0)))
