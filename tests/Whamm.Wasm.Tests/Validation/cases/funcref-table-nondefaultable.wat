;; expect: invalid
;; message: type mismatch: non-defaultable element type
(module (type $ft (func)) (table 1 (ref $ft)))
