;; expect: valid
(module (func $f (param funcref) (local (ref func)) (local i32)
  local.get 0 ref.as_non_null local.tee 1 drop
  block local.get 1 drop end
  local.get 1 drop))
