;; expect: invalid
;; features: All
;; message: type mismatch: expected i64, found i32
;; at: i64.eqz
;; oracle: skip
(module (tag (param i32)) (func try catch 0 i64.eqz drop end))
