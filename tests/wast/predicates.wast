;; Predicates: folded per site when static (fid, opname, imm0), tested at run time when they read stack values.

;; @instrument
(module
  (func $id (param i32) (result i32) (local.get 0))
  (func $sq (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
  (func $run (export "run") (result i32)
    (i32.add
      (i32.add (call $id (i32.const 7)) (call $sq (i32.const 3)))
      (call $id (i32.const 100)))))

(assert_return (invoke "run") (i32.const 116))

;; Static: only calls whose target is function 1 ($sq).
;; WHAMM --> var n: u32; wasm:opcode:call:before / imm0 == 1 / { n++; }
(invoke "run")
(assert_return (invoke "get_n") (i32.const 1))

;; Dynamic: the argument of the call is read at run time.
;; WHAMM --> var big: u32; wasm:opcode:call(arg0: i32):before / arg0 > 5 / { big++; }
(invoke "run")
(assert_return (invoke "get_big") (i32.const 2))

;; Both: static on the callee, dynamic on the argument.
;; WHAMM --> var hits: u32; wasm:opcode:call(arg0: i32):before / imm0 == 0 && arg0 < 50 / { hits++; }
(invoke "run")
(assert_return (invoke "get_hits") (i32.const 1))

;; A predicate that folds to false everywhere injects nothing: the counter stays zero.
;; WHAMM --> var never: u32; wasm:opcode:call:before / fid == 99 / { never++; }
(invoke "run")
(assert_return (invoke "get_never") (i32.const 0))
