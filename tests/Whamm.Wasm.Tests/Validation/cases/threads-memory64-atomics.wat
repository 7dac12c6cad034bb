;; expect: valid
(module (memory i64 1 1 shared) (func (result i64)
  (drop (i32.atomic.rmw.xchg (i64.const 0) (i32.const 1)))
  (i64.atomic.rmw.add (i64.const 8) (i64.const 1))))
