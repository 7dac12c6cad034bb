;; Prints "before\n", then $boom (with locals, so pc counts them) executes `unreachable`.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "before\n")
  (func $boom (local i32 i64 f64)
    nop
    (local.set 0 (i32.const 1))
    unreachable)
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 64))
    (i32.store (i32.const 4) (i32.const 7))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    call $boom))
