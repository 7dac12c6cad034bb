;; expect: invalid
;; message: memory size must be at most 0x10000 65536-byte pages
(module (memory 65537))
