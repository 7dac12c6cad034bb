;; expect: invalid
;; message: catch_all_ref label must have exactly one result type
;; at: try_table
(module (func block try_table (catch_all_ref 0) end end))
