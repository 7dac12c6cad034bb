;; Exits with the value the library "mylib" returns from "answer".
(module
  (import "mylib" "answer" (func $answer (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (func (export "_start") (call $proc_exit (call $answer))))
