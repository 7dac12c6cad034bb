;; expect: invalid
;; features: Wasm2
;; message: function references support is not enabled
;; at: ref.as_non_null
;; oracle: skip
(module (func (param funcref) local.get 0 ref.as_non_null drop))
