;; expect: invalid
;; message: values remaining on stack at end of block
;; at: end
(module (func (result i32) i32.const 1 i32.const 2))
