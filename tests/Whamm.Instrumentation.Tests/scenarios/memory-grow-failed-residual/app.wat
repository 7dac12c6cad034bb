(module
  (memory 1 3)
  (func $main (export "_start")
    (drop (memory.grow (i32.const 1)))
    (drop (memory.grow (i32.const 5)))
    (drop (memory.grow (i32.const 1)))
    (drop (memory.grow (i32.const 1)))))
