;; expect: invalid
;; message: unknown label
;; at: br
(module (func block br 2 end))
