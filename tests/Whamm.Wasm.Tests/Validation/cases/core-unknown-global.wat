;; expect: invalid
;; message: unknown global
;; at: global.get
(module (global i32 (i32.const 0)) (func global.get 1 drop))
