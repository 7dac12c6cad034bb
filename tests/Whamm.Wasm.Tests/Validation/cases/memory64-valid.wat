;; expect: valid
(module
  (memory i64 1 0x1000000000000)
  (table $t i64 2 funcref)
  (func $f (param i64) (result i64)
    (i64.store offset=0x100000000 (local.get 0) (i64.load (local.get 0)))
    (memory.fill (i64.const 0) (i32.const 0) (i64.const 8))
    (drop (table.get $t (i64.const 1)))
    (drop (table.grow $t (ref.null func) (i64.const 1)))
    (call_indirect $t (type 0) (i64.const 0) (i64.const 0))
    (drop)
    (memory.size)))
