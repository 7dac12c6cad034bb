(module
  (memory (export "memory") 1)
  (data (i32.const 0) "\00asm")
  (func $main (export "_start") (nop)))
