;; expect: invalid
;; features: All
;; message: invalid rethrow label: target was not a `catch` block
;; at: rethrow
;; oracle: skip
(module (func try rethrow 0 catch_all end))
