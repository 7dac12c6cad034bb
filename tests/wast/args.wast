;; Arguments: arg0 is the top of the stack; probes read them and may write them before the instruction sees them.

;; @instrument
(module
  (global $var (mut i64) (i64.const 0))
  (func $get_global_var (export "get_global_var") (result i64) (global.get $var))
  (func $five (param i32 i32 i32 i32 i64)
    (global.set $var
      (i64.add
        (i64.extend_i32_s (i32.add (i32.add (local.get 0) (local.get 1)) (i32.add (local.get 2) (local.get 3))))
        (local.get 4))))
  (func $five_params (export "five_params")
    (call $five (i32.const 0) (i32.const 1) (i32.const 2) (i32.const 3) (i64.const 4)))
  (start $five_params))

;; @passes_uninstr is not allowed here: the plain part runs on the uninstrumented module.
(assert_return (invoke "get_global_var") (i64.const 10))

;; Read the deepest argument (arg4 is the first parameter).
;; WHAMM --> var first: i32; wasm:opcode:call(arg4: i32):before { first = arg4 + 100; }
(assert_return (invoke "get_first") (i32.const 100))

;; Read the top one (arg0, the i64).
;; WHAMM --> var last: i64; wasm:opcode:call(arg0: i64):before { last = arg0; }
(assert_return (invoke "get_last") (i64.const 4))

;; Write an argument: $five sees 1 instead of 0, so the sum is 11.
;; WHAMM --> wasm:opcode:call(arg4: i32):before { arg4 = 1; }
(assert_return (invoke "get_global_var") (i64.const 11))

;; Type bounds filter sites: no call has an f32 on top, so nothing changes.
;; WHAMM --> var n: u32; wasm:opcode:call(arg0: f32):before { n++; }
;; @passes_uninstr
(assert_return (invoke "get_global_var") (i64.const 10))
(assert_return (invoke "get_n") (i32.const 0))
