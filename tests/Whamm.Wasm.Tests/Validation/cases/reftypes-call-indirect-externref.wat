;; expect: invalid
;; message: indirect calls must go through a table with type <= funcref
;; at: call_indirect
(module (type (func)) (table 1 externref) (func i32.const 0 call_indirect 0 (type 0)))
