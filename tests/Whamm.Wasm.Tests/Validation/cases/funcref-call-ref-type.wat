;; expect: invalid
;; message: type mismatch: expected (ref null 0), found funcref
;; at: call_ref
(module (type (func)) (func (param funcref) local.get 0 call_ref 0))
