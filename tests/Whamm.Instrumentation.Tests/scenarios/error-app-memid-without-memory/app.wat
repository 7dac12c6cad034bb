(module
  (func $main (export "_start") (nop)))
