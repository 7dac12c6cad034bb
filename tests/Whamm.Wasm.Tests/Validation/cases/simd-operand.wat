;; expect: invalid
;; message: type mismatch: expected v128, found i32
;; at: i8x16.add
(module (func (param v128) (result v128) local.get 0 i32.const 0 i8x16.add))
