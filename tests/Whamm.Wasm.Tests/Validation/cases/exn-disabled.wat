;; expect: invalid
;; features: Wasmtime - Exceptions
;; message: exceptions proposal not enabled
;; oracle: no-offset
(module (tag))
