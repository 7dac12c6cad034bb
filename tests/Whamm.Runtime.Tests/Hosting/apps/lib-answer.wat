;; A user library exporting answer() = 42.
(module (func (export "answer") (result i32) i32.const 42))
