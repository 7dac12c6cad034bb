;; Prints "program\n" through WASI and "monitor\n" through the host writer an instrumented module imports
;; (whamm:host.write, fd_write's signature), whose buffers live in its own memory exported as whamm:memory:
;; two iovecs, then one that points outside the memory. Exits with nwritten + 2 * errno of the first
;; write + the errno of the bad one: 8 + 0 + 21 (EFAULT) = 29 when the host behaves.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (import "whamm:host" "write" (func $write (param i32 i32 i32 i32) (result i32)))
  (memory $app (export "memory") 1)
  (memory $ours (export "whamm:memory") 1)
  (data (memory $app) (i32.const 64) "program\n")
  (data (memory $ours) (i32.const 64) "moni")
  (data (memory $ours) (i32.const 80) "tor\n")
  (func (export "_start") (local $errno i32) (local $bad i32)
    (i32.store $app (i32.const 0) (i32.const 64))
    (i32.store $app (i32.const 4) (i32.const 8))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (i32.store $ours (i32.const 0) (i32.const 64))
    (i32.store $ours (i32.const 4) (i32.const 4))
    (i32.store $ours (i32.const 8) (i32.const 80))
    (i32.store $ours (i32.const 12) (i32.const 4))
    (local.set $errno (call $write (i32.const 1) (i32.const 0) (i32.const 2) (i32.const 16)))
    (i32.store $ours (i32.const 24) (i32.const 65530))
    (i32.store $ours (i32.const 28) (i32.const 100))
    (local.set $bad (call $write (i32.const 1) (i32.const 24) (i32.const 1) (i32.const 32)))
    (call $proc_exit
      (i32.add (i32.add (i32.load $ours (i32.const 16)) (i32.mul (local.get $errno) (i32.const 2))) (local.get $bad)))))
