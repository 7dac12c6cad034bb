;; $divide is called with a zero divisor: integer divide by zero.
(module
  (func $divide (param i32 i32) (result i32)
    (i32.div_s (local.get 0) (local.get 1)))
  (func (export "_start")
    (drop (call $divide (i32.const 10) (i32.const 0)))))
