;; expect: invalid
;; message: unknown local 3
;; at: local.get
(module (func (param i32) (local i64) local.get 3 drop))
