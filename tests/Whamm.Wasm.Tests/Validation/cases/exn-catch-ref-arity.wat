;; expect: invalid
;; message: catch_ref label must have one more type than tag types
;; at: try_table
(module (tag (param i32)) (func block (result i32) try_table (catch_ref 0 0) end unreachable end drop))
