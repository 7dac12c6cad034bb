(module
  (memory 1 4)
  (data (i32.const 16) "abc")
  (data (i32.const 64) "0123456789")
  (func $main (export "_start")
    (drop (memory.grow (i32.const 2)))
    (nop)))
