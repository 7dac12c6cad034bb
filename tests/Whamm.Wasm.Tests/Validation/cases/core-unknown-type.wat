;; expect: invalid
;; message: unknown type
;; at: call_indirect
(module (table 1 funcref) (func i32.const 0 call_indirect (type 7)))
