;; expect: invalid
;; message: type mismatch: expected i32, found i64
;; at: end
(module (memory 1) (data (i64.const 0) "x"))
