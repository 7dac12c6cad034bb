;; expect: invalid
;; message: size minimum must not be greater than maximum
(module (table 3 2 funcref))
