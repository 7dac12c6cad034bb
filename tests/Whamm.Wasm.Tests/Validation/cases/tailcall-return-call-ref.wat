;; expect: invalid
;; message: current function requires result type [] but callee returns [i32]
;; at: return_call_ref
(module (type $t (func (result i32))) (func (param (ref $t)) local.get 0 return_call_ref $t))
