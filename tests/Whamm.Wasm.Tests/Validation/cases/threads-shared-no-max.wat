;; expect: invalid
;; message: shared memory must have maximum size
;; kind: invalid
;; oracle: no-offset
(module binary "\00asm\01\00\00\00" "\05\03\01\02\01")
