;; Reports: report variables are read through their getters; the report itself is flushed (and discarded) at exit.

;; @instrument
(module
  (memory (export "memory") 1)
  (func $f (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
  (func $main (export "_start")
    (drop (call $f (call $f (i32.const 1))))
    (drop (call $f (i32.const 5)))))

(invoke "_start")

;; A global report variable.
;; WHAMM --> report var calls: u32; wasm:opcode:call:before { calls++; }
(invoke "_start")
(assert_return (invoke "get_calls") (i32.const 3))

;; A 64-bit report variable summing arguments (1 + 2 + 5).
;; WHAMM --> report var total: u64; wasm:opcode:call(arg0: i32):before { total = total + (arg0 as u64); }
(invoke "_start")
(assert_return (invoke "get_total") (i64.const 8))

;; A map reported at exit, and a counter beside it.
;; WHAMM --> report var by_fid: map<u32, u32>; var entries: u32;
;;       --> wasm:func:entry { by_fid[fid]++; entries++; }
(invoke "_start")
(assert_return (invoke "get_entries") (i32.const 4))
