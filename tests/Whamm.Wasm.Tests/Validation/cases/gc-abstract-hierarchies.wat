;; expect: invalid
;; message: type mismatch: expected funcref, found anyref
;; at: end
(module (func (param anyref) (result funcref) local.get 0))
