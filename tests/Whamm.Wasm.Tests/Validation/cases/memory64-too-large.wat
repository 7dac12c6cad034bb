;; expect: invalid
;; message: memory size must be at most 0x1000000000000 65536-byte pages
(module (memory i64 0x1000000000001))
