;; expect: valid
(module (type $t (func (result (ref i31)))) (func $f (type $t) i32.const 0 ref.i31) (func (result anyref) return_call $f))
