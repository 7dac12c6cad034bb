(module
  ;; Arithmetic of every Wasm number type.
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "mul64") (param i64 i64) (result i64) (i64.mul (local.get 0) (local.get 1)))
  (func (export "fmax") (param f32 f32) (result f32) (f32.max (local.get 0) (local.get 1)))
  (func (export "sqrt") (param f64) (result f64) (f64.sqrt (local.get 0))))
