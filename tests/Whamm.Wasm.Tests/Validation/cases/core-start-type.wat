;; expect: invalid
;; message: invalid start function type
;; oracle: no-offset
(module (func $s (param i32)) (start $s))
