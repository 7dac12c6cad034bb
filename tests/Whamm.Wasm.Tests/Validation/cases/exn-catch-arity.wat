;; expect: invalid
;; message: catch label must have same number of types as tag
;; at: try_table
(module (tag (param i32)) (func block try_table (catch 0 0) end end))
