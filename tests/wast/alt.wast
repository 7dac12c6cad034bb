;; alt: the probe body replaces the instruction; a residual predicate keeps the original when it is false.

;; @instrument
(module
  (global $calls (mut i32) (i32.const 0))
  (func $work (param i32) (result i32)
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (i32.mul (local.get 0) (i32.const 10)))
  (func $calls (export "calls") (result i32) (global.get $calls))
  (func $sub (export "sub") (param i32 i32) (result i32) (i32.sub (local.get 0) (local.get 1)))
  (func $run (export "run") (param i32) (result i32) (call $work (local.get 0))))

(assert_return (invoke "run" (i32.const 4)) (i32.const 40))

;; Replace every call by a constant: $work never runs.
;; WHAMM --> wasm:opcode:call:alt { drop_args(); return 7; }
(invoke "run" (i32.const 4))
(assert_return (invoke "calls") (i32.const 0))
(assert_return (invoke "run" (i32.const 4)) (i32.const 7))

;; Residual predicate: replaced only when the argument is 0.
;; WHAMM --> var skipped: u32; wasm:opcode:call(arg0: i32):alt / arg0 == 0 / { skipped++; return 99; }
(assert_return (invoke "run" (i32.const 0)) (i32.const 99))
;; @passes_uninstr
(assert_return (invoke "run" (i32.const 2)) (i32.const 20))
(assert_return (invoke "get_skipped") (i32.const 1))

;; Turn a subtraction into an addition.
;; WHAMM --> wasm:opcode:i32.sub(arg0: i32, arg1: i32):alt { return arg1 + arg0; }
(assert_return (invoke "sub" (i32.const 5) (i32.const 3)) (i32.const 8))
