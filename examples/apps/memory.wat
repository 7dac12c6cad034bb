;; Writes an i32 at 100 and a byte at 200, reads the i32 back twice and the byte once.
(module
  (memory (export "memory") 1)
  (func $main (export "_start")
    (i32.store (i32.const 100) (i32.const 42))
    (i32.store8 (i32.const 200) (i32.const 7))
    (drop (i32.load (i32.const 100)))
    (drop (i32.load (i32.const 100)))
    (drop (i32.load8_u (i32.const 200)))))
