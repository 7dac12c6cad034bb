(module
  (memory 1)
  (func $main (export "_start") (nop)))
