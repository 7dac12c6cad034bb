(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (func $work (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
  (func (export "_start")
    (drop (call $work (i32.const 1)))
    (drop (call $work (i32.const 2)))
    (call $exit (i32.const 3))
    (drop (call $work (i32.const 4)))))
