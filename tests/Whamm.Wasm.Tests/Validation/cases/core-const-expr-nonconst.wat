;; expect: invalid
;; message: constant expression required: non-constant operator
;; at: nop
(module (global i32 (nop) (i32.const 0)))
