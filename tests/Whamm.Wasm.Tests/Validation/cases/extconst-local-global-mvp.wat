;; expect: invalid
;; features: Wasm2
;; message: global.get of locally defined global
;; at: global.get
;; oracle: skip
(module (global i32 (i32.const 1)) (global i32 (global.get 0)))
