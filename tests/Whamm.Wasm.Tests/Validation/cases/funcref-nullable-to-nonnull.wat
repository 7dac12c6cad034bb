;; expect: invalid
;; message: type mismatch: expected (ref func), found funcref
;; at: end
(module (func (param funcref) (result (ref func)) local.get 0))
