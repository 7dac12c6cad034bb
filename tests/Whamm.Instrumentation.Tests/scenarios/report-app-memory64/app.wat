(module
  (memory (export "memory") i64 1)
  (func $store (param i64 i32) (i32.store (local.get 0) (local.get 1)))
  (func (export "_start")
    (call $store (i64.const 8) (i32.const 1))
    (call $store (i64.const 16) (i32.const 2))))
