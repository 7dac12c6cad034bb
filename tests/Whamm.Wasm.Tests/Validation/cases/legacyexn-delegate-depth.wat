;; expect: invalid
;; features: All
;; message: unknown label: branch depth too large
;; at: delegate
;; oracle: skip
(module (func try delegate 1))
