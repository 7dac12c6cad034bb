;; No _start: an exported main whose i32 result is the exit code.
(module (func (export "main") (result i32) i32.const 5))
