(module
  (func $sq (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
  (func (export "main")
    (drop (call $sq (i32.const 3)))
    (drop (call $sq (i32.const 4)))))
