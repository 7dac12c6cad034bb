;; expect: invalid
;; message: values remaining on stack at end of block
;; at: end
(module (func block i32.const 1 end))
