;; expect: invalid
;; features: Wasm2
;; message: constant expression required: non-constant operator
;; at: i32.add
;; oracle: skip
(module (global i32 (i32.add (i32.const 1) (i32.const 2))))
