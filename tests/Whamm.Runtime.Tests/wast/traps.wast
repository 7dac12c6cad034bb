;; Traps, stack exhaustion, exceptions, and a start function that traps.

(module
  (memory 1)
  (table 2 funcref)
  (type $v (func))
  (tag $oops (param i32))
  (func $nop)
  (elem (i32.const 0) func $nop)
  (func (export "unreachable") (unreachable))
  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func (export "trunc") (param f32) (result i32) (i32.trunc_f32_s (local.get 0)))
  (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "call-null") (call_indirect (type $v) (i32.const 1)))
  (func (export "call-oob") (call_indirect (type $v) (i32.const 5)))
  (func $forever (export "forever") (call $forever))
  (func (export "throw") (throw $oops (i32.const 1)))
)

(assert_trap (invoke "unreachable") "unreachable")
(assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer divide by zero")
(assert_trap (invoke "div" (i32.const 0x80000000) (i32.const -1)) "integer overflow")
(assert_trap (invoke "trunc" (f32.const nan)) "invalid conversion to integer")
(assert_trap (invoke "load" (i32.const 65536)) "out of bounds memory access")
(assert_trap (invoke "call-null") "uninitialized element")
(assert_trap (invoke "call-oob") "undefined element")
(assert_exhaustion (invoke "forever") "call stack exhausted")
(assert_exception (invoke "throw"))
(assert_return (invoke "div" (i32.const 7) (i32.const 2)) (i32.const 3))

(assert_trap
  (module (func $start (unreachable)) (start $start))
  "unreachable")
