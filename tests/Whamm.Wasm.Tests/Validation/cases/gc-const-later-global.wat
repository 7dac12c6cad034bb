;; expect: invalid
;; message: unknown global 1: global index out of bounds
;; at: global.get
(module (global i32 (global.get 1)) (global i32 (i32.const 1)))
