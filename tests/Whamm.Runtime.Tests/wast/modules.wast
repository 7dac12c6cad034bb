;; Module forms, names, registration, linking, and module assertions.

(module $Lib
  (global (export "base") i32 (i32.const 100))
  (func (export "twice") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2))))
(register "lib" $Lib)

(module $App
  (import "lib" "twice" (func $twice (param i32) (result i32)))
  (import "lib" "base" (global $base i32))
  (import "spectest" "print_i32" (func $print (param i32)))
  (import "spectest" "global_i32" (global $g i32))
  (import "spectest" "memory" (memory 1))
  (func (export "run") (param i32) (result i32)
    (call $print (local.get 0))
    (i32.add (call $twice (local.get 0)) (global.get $base)))
  (func (export "g") (result i32) (global.get $g)))

(assert_return (invoke $App "run" (i32.const 5)) (i32.const 110))
(assert_return (invoke "g") (i32.const 666))
(assert_return (invoke $Lib "twice" (i32.const 21)) (i32.const 42))
(assert_return (get $Lib "base") (i32.const 100))

;; (module (func (export "seven") (result i32) (i32.const 7)))
(module binary
  "\00asm" "\01\00\00\00"
  "\01\05\01\60\00\01\7f"                  ;; type: [] -> [i32]
  "\03\02\01\00"                           ;; func 0 has type 0
  "\07\09\01\05seven\00\00"                ;; export "seven"
  "\0a\06\01\04\00\41\07\0b")              ;; body: i32.const 7
(assert_return (invoke "seven") (i32.const 7))

(module quote "(func (export \"eight\") (result i32) (i32.const 8))")
(assert_return (invoke "eight") (i32.const 8))

(assert_invalid
  (module (func (result i32) (i64.const 1)))
  "type mismatch")
(assert_invalid
  (module (func (call 7)))
  "unknown function")
(assert_malformed
  (module quote "(func (i32.frob))")
  "unknown operator")
(assert_malformed
  (module binary "\00asm" "\02\00\00\00")
  "unknown binary version")
(assert_unlinkable
  (module (import "lib" "missing" (func)))
  "unknown import")
(assert_unlinkable
  (module (import "lib" "twice" (func (param i64))))
  "incompatible import type")
