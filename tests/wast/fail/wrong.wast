;; Deliberately wrong: every command or case after an `@expect-fail` comment must fail, each with its own line.

;; @instrument
(module
  (func $f (export "f") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1))))

;; @expect-fail
(assert_return (invoke "f" (i32.const 1)) (i32.const 3))

;; WHAMM --> var adds: u32; wasm:opcode:i32.add:before { adds++; }
(invoke "f" (i32.const 1))
;; @expect-fail
(assert_return (invoke "get_adds") (i32.const 2))
;; This one holds even without the monitor and is not marked @passes_uninstr.
;; @expect-fail
(assert_return (invoke "f" (i32.const 1)) (i32.const 2))

;; @expect-fail
;; WHAMM --> var n: u32; wasm:opcode:call:before { n = nope; }
(assert_return (invoke "get_n") (i32.const 0))

;; @expect-fail
;; WHAMM --> var n: u32; wasm:opcode:i32.add:after { n++; }
;;       --> wasm:opcode:i32.add:alt { }
;;       --> wasm:opcode:i32.add:alt { }
(assert_return (invoke "get_n") (i32.const 0))
