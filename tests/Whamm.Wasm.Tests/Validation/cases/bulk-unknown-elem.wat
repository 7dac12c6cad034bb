;; expect: invalid
;; message: unknown elem segment 0
;; at: elem.drop
(module (func elem.drop 0))
