;; expect: invalid
;; message: type mismatch: expected i64, found i32
;; at: call_indirect
(module (type (func)) (table i64 1 funcref) (func i32.const 0 call_indirect (type 0)))
