;; expect: invalid
;; message: does not match label result type
;; at: br_on_cast
(module (type $s (struct)) (func (param anyref)
  block (result (ref i31)) local.get 0 br_on_cast 0 anyref (ref $s) drop unreachable end drop))
