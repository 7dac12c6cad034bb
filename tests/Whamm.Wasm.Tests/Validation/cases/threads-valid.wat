;; expect: valid
(module
  (memory 1 1 shared)
  (func (param i32) (result i32)
    (drop (i32.atomic.rmw.add (local.get 0) (i32.const 1)))
    (drop (i64.atomic.rmw32.cmpxchg_u (local.get 0) (i64.const 0) (i64.const 1)))
    (i64.atomic.store8 offset=1 (local.get 0) (i64.const 3))
    (drop (memory.atomic.wait32 (local.get 0) (i32.const 0) (i64.const -1)))
    (atomic.fence)
    (memory.atomic.notify (local.get 0) (i32.atomic.load16_u (local.get 0)))))
