;; expect: invalid
;; features: Wasmtime - CustomPageSizes
;; message: the custom page sizes proposal must be enabled
;; oracle: no-offset
(module (memory 1 (pagesize 1)))
