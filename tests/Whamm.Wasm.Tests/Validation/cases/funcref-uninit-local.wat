;; expect: invalid
;; message: uninitialized local: 0
;; at: local.get
(module (func (local (ref func)) local.get 0 drop))
