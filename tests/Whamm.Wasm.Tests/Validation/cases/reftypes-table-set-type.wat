;; expect: invalid
;; message: type mismatch: expected funcref, found externref
;; at: table.set
(module (table 1 funcref) (func (param externref) i32.const 0 local.get 0 table.set 0))
