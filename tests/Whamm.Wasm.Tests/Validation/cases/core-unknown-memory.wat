;; expect: invalid
;; message: unknown memory 0
;; at: i32.load
(module (func (result i32) i32.const 0 i32.load))
