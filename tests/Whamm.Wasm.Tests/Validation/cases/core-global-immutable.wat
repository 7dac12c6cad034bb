;; expect: invalid
;; message: global is immutable
;; at: global.set
(module (global i32 (i32.const 0)) (func i32.const 1 global.set 0))
