;; expect: invalid
;; features: Wasmtime - Threads
;; message: threads support is not enabled
;; at: atomic.fence
(module (func atomic.fence))
