;; expect: invalid
;; message: size minimum must not be greater than maximum
(module (memory 2 1))
