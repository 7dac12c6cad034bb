;; expect: invalid
;; message: type mismatch: expected i64, found i32
;; at: try_table
(module (tag (param i32)) (func block (result i64) try_table (catch 0 0) end unreachable end drop))
