;; Counters: a script global counts the events of an opcode probe, read back through its get_NAME getter.

;; @instrument
(module
  (func $double (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
  (func $run (export "run") (param $n i32) (result i32)
    (local $sum i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $sum (i32.add (local.get $sum) (call $double (local.get $n))))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $sum)))

;; The program itself, without instrumentation.
(assert_return (invoke "run" (i32.const 3)) (i32.const 12))

;; WHAMM --> var calls: u32; wasm:opcode:call:before { calls++; }
(invoke "run" (i32.const 3))
(assert_return (invoke "get_calls") (i32.const 3))

;; WHAMM --> var entries: u32; wasm:func:entry / fid == 0 / { entries++; }
(invoke "run" (i32.const 5))
(assert_return (invoke "get_entries") (i32.const 5))

;; Counters are 64-bit when the script says so; the program's result is unchanged.
;; WHAMM --> var muls: u64;
;;       --> wasm:opcode:i32.mul:after { muls++; }
;; @passes_uninstr
(assert_return (invoke "run" (i32.const 4)) (i32.const 20))
(assert_return (invoke "get_muls") (i64.const 4))
