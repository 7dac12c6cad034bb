;; expect: invalid
;; message: br_on_non_null target has no label types
;; at: br_on_non_null
(module (func (param funcref) block local.get 0 br_on_non_null 0 end))
