;; Stores and lane loads have a v128 operand above the address: it is saved and pushed again, so that
;; effective_addr can be read at every memory access (the exit code shows the vectors arrived intact).
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (v128.store (i32.const 16) (v128.const i32x4 1 2 3 4))
    (v128.store offset=8 (i32.const 32) (v128.load (i32.const 16)))
    (v128.store8_lane offset=1 4 (i32.const 64) (v128.load offset=8 (i32.const 32)))
    (drop (v128.load32_lane offset=4 1 (i32.const 64) (v128.const i64x2 0 0)))
    (call $exit (i32.mul
      (i32.load offset=8 (i32.const 40))
      (i32.load8_u offset=1 (i32.const 64))))))
