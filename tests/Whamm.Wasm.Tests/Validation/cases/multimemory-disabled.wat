;; expect: invalid
;; features: Wasmtime - MultiMemory
;; message: multiple memories
;; oracle: no-offset
(module (memory 1) (memory 1))
