;; expect: invalid
;; message: type mismatch: expected i32 but nothing on stack
;; at: br
(module (func (result i32) i32.const 0 loop (param i32) (result i32) drop br 0 end))
