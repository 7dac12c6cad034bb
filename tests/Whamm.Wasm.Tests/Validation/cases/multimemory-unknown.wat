;; expect: invalid
;; message: unknown memory 2
;; at: i32.load
(module (memory 1) (memory 1) (func (result i32) i32.const 0 i32.load 2))
