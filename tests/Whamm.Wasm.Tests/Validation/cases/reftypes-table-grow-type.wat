;; expect: invalid
;; message: type mismatch: expected externref, found funcref
;; at: table.grow
(module (table 1 externref) (func (param funcref) (result i32) local.get 0 i32.const 1 table.grow 0))
