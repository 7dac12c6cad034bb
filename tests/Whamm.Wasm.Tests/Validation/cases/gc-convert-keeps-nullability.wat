;; expect: invalid
;; message: type mismatch: expected (ref any), found anyref
;; at: end
(module (func (param externref) (result (ref any)) local.get 0 any.convert_extern))
