(module
  ;; A memory with 7 at address 0, read back through peek.
  (memory (export "mem") 1)
  (data (i32.const 0) "\07\00\00\00")
  (func (export "peek") (param i32) (result i32) (i32.load (local.get 0))))
