;; expect: invalid
;; message: expected subtype of eq
;; at: ref.eq
(module (func (param anyref) (result i32) local.get 0 local.get 0 ref.eq))
