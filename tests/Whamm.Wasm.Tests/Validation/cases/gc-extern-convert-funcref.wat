;; expect: invalid
;; message: expected subtype of any
;; at: extern.convert_any
(module (func (param funcref) (result externref) local.get 0 extern.convert_any))
