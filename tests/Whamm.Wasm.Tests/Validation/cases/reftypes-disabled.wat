;; expect: invalid
;; features: Wasmtime - ReferenceTypes - Gc - FunctionReferences - Exceptions
;; message: reference types support is not enabled
;; at: ref.null
;; oracle: no-offset
(module (func ref.null func drop))
