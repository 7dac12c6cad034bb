;; expect: invalid
;; message: type mismatch: expected anyref, found (ref extern)
;; at: end
(module (func (result anyref) unreachable extern.convert_any))
