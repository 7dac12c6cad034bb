;; expect: invalid
;; message: global.get of mutable global
;; at: global.get
(module (import "m" "g" (global (mut i32))) (global i32 (global.get 0)))
