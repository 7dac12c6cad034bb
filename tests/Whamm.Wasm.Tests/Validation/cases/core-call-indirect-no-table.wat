;; expect: invalid
;; message: unknown table 0
;; at: call_indirect
(module (type (func)) (func i32.const 0 call_indirect (type 0)))
