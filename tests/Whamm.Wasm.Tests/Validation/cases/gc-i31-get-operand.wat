;; expect: invalid
;; message: expected subtype of i31
;; at: i31.get_u
(module (func (param eqref) (result i32) local.get 0 i31.get_u))
