;; expect: invalid
;; message: unknown data segment 1
;; at: data.drop
(module (memory 1) (data "x") (func data.drop 1))
