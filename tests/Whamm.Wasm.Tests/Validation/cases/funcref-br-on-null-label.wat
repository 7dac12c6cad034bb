;; expect: invalid
;; message: type mismatch: expected i64 but nothing on stack
;; at: br_on_null
(module (func (param funcref) block (result i64) local.get 0 br_on_null 0 drop unreachable end drop))
