;; Grows its memory a page at a time until memory.grow fails, then traps: a program that dies
;; because it ran out of memory.
(module
  (memory (export "memory") 1)
  (func $grab (export "_start")
    (loop $more
      (br_if $more (i32.ne (memory.grow (i32.const 1)) (i32.const -1))))
    unreachable))
