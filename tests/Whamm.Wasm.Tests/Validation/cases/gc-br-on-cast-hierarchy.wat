;; expect: invalid
;; message: type mismatch: expected structref, found (ref array)
;; at: br_on_cast
(module (func (param structref) (result arrayref)
  block (result (ref array)) local.get 0 br_on_cast 0 structref (ref array) drop unreachable end))
