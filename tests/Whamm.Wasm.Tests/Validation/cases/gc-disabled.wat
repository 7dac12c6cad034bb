;; expect: invalid
;; features: Wasmtime - Gc
;; message: struct indexed types not supported without the gc feature
;; oracle: no-offset
(module (type (struct)))
