;; expect: invalid
;; message: expected i32 but nothing on stack
;; at: i32.eqz
(module (func (result i32) i32.eqz))
