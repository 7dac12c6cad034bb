;; expect: invalid
;; message: unknown function 5
;; at: call
(module (func call 5))
