;; Every assertion kind, deliberately wrong: each command after ";; @expect-fail" must fail, naming its line.

(module
  (func (export "one") (result i32) (i32.const 1))
  (func (export "nan") (result f32) (f32.const nan:0x200000))
  (func (export "ext") (param externref) (result externref) (local.get 0))
  (func $f (export "fn") (result funcref) (ref.func $f))
  (func $deep (export "deep") (param i32) (result i32)
    (if (result i32) (local.get 0)
      (then (call $deep (i32.sub (local.get 0) (i32.const 1))))
      (else (i32.const 0))))
  (func (export "div") (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0))))

(assert_return (invoke "one") (i32.const 1))
;; @expect-fail
(assert_return (invoke "one") (i32.const 2))
;; @expect-fail
(assert_return (invoke "nan") (f32.const nan:canonical))
;; @expect-fail
(assert_return (invoke "ext" (ref.extern 1)) (ref.extern 2))
;; @expect-fail
(assert_return (invoke "fn") (ref.null func))
;; @expect-fail
(assert_return (invoke "one") (i32.const 1) (i32.const 1))
;; @expect-fail
(assert_trap (invoke "one") "unreachable")
;; @expect-fail
(assert_trap (invoke "div" (i32.const 0)) "unreachable")
;; @expect-fail
(assert_exhaustion (invoke "deep" (i32.const 10)) "call stack exhausted")
;; @expect-fail
(assert_exception (invoke "one"))
;; @expect-fail
(assert_invalid (module (func)) "type mismatch")
;; @expect-fail
(assert_malformed (module quote "(func)") "unexpected token")
;; @expect-fail
(assert_unlinkable (module (import "spectest" "print_i32" (func (param i32)))) "unknown import")
;; @expect-fail
(assert_trap (module (func)) "unreachable")
;; @expect-fail
(invoke "missing")
;; @expect-fail
(register "x" $Nowhere)
;; @expect-fail
(module (func (result i32) (i64.const 1)))
;; @expect-fail
(module (func (i32.frob)))
(assert_return (invoke "one") (i32.const 1))
