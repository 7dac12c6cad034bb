;; expect: invalid
;; message: type mismatch: expected exnref, found externref
;; at: throw_ref
(module (func (param externref) local.get 0 throw_ref))
