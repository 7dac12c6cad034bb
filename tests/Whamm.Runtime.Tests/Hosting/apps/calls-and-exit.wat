;; Prints "working\n", calls $square twice and $twice once (which calls $square twice), then exits with
;; proc_exit(3). Functions: imports 0-1, $square 2, $twice 3, _start 4.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "working\n")
  (func $square (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
  (func $twice (param i32) (result i32) (i32.add (call $square (local.get 0)) (call $square (local.get 0))))
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 64))
    (i32.store (i32.const 4) (i32.const 8))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (drop (call $square (i32.const 2)))
    (drop (call $square (i32.const 3)))
    (drop (call $twice (i32.const 4)))
    (call $proc_exit (i32.const 3))))
