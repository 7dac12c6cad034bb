;; expect: invalid
;; message: type mismatch: expected i64, found i32
;; at: throw
(module (tag (param i64)) (func i32.const 0 throw 0))
