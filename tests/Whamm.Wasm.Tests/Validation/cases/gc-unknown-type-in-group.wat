;; expect: invalid
;; message: unknown type 5: type index out of bounds
(module (type (struct (field (ref null 5)))))
