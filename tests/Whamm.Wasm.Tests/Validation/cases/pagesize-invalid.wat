;; expect: invalid
;; message: invalid custom page size
;; oracle: skip
(module (memory 1 (pagesize 4)))
