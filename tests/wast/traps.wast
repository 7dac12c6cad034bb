;; Traps: the program's traps stay traps under instrumentation, and a probe can add one or take one away.

;; @instrument
(module
  (func $div (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func $boom (export "boom") unreachable))

(assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer divide by zero")
(assert_trap (invoke "boom") "unreachable")

;; Counting divisions keeps the trap, and the count is taken before it.
;; WHAMM --> var divs: u32; wasm:opcode:i32.div_s:before { divs++; }
;; @passes_uninstr
(assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer divide by zero")
(assert_return (invoke "get_divs") (i32.const 1))

;; Guard the division with alt: dividing by zero yields 0 instead of trapping.
;; WHAMM --> wasm:opcode:i32.div_s(arg0: i32, arg1: i32):alt / arg0 == 0 / { return 0; }
(assert_return (invoke "div" (i32.const 1) (i32.const 0)) (i32.const 0))
;; @passes_uninstr
(assert_return (invoke "div" (i32.const 9) (i32.const 3)) (i32.const 3))

;; A probe can trap too: dividing a script global by zero when the divisor is 1.
;; WHAMM --> var zero: i32; wasm:opcode:i32.div_s(arg0: i32):before / arg0 == 1 / { zero = 10 / zero; }
(assert_trap (invoke "div" (i32.const 5) (i32.const 1)) "integer divide by zero")
;; @passes_uninstr
(assert_return (invoke "div" (i32.const 6) (i32.const 2)) (i32.const 3))

;; An alt at `unreachable` still ends in a trap (the code after it is dead), but its body runs first.
;; WHAMM --> var reached: u32; wasm:opcode:unreachable:alt { reached++; }
;; @passes_uninstr
(assert_trap (invoke "boom") "unreachable")
(assert_return (invoke "get_reached") (i32.const 1))
