;; expect: invalid
;; message: type mismatch: expected anyref, found externref
;; at: ref.cast
(module (func (param externref) local.get 0 ref.cast (ref i31) drop))
