;; expect: valid
(module
  (type $t (func (param i32) (result i32)))
  (table 1 funcref)
  (func $f (type $t) local.get 0 return_call $f)
  (func (param i32) (result i32) local.get 0 i32.const 0 return_call_indirect (type $t))
  (func (param i32) (result i32) local.get 0 return_call $f i64.const 0 drop))
