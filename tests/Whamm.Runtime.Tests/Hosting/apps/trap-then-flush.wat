;; Traps in _start, with an exported "flush" that prints "report\n" (what the rewriter's report flush
;; will look like to the host) and a "spin-flush" that never ends.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "report\n")
  (func (export "flush")
    (i32.store (i32.const 0) (i32.const 64))
    (i32.store (i32.const 4) (i32.const 7))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
  (func (export "spin-flush") (loop $l (br $l)))
  (func (export "_start") (loop $l (br $l))))
