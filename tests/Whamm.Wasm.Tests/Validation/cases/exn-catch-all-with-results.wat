;; expect: invalid
;; message: catch_all label must have no result types
;; at: try_table
(module (func block (result i32) try_table (catch_all 0) end unreachable end drop))
