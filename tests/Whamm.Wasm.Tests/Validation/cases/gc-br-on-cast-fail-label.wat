;; expect: invalid
;; message: expected label result type
;; at: br_on_cast_fail
(module (type $s (struct)) (func (param anyref)
  block (result (ref $s)) local.get 0 br_on_cast_fail 0 anyref (ref $s) drop unreachable end drop))
