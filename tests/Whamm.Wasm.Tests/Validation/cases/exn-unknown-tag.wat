;; expect: invalid
;; message: unknown tag 3
;; at: throw
(module (tag) (func throw 3))
