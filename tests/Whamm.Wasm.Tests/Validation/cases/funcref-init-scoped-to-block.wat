;; expect: invalid
;; message: uninitialized local: 1
;; at: local.get
(module (func $f (param funcref) (local (ref func))
  block
    local.get 0
    ref.as_non_null
    local.set 1
  end
  local.get 1
  drop))
