;; expect: invalid
;; features: Wasmtime - TailCall
;; message: tail calls support is not enabled
;; at: return_call
(module (func $f return_call $f))
