;; Structured control flow, flat and folded: if/else, loops, branches with values, tail calls,
;; function references and the legacy exception instructions.
(module
  (type $binop (func (param i32 i32) (result i32)))
  (type $pair (func (result i32 i32)))
  (tag $e (param i32))
  (func $add (type $binop) (i32.add (local.get 0) (local.get 1)))
  (func $abs (param i32) (result i32)
    (if (result i32) (i32.lt_s (local.get 0) (i32.const 0))
      (then (i32.sub (i32.const 0) (local.get 0)))
      (else (local.get 0))))
  (func $only-then (param i32)
    (if (local.get 0) (then (nop))))
  (func $sum (param $n i32) (result i32) (local $acc i32)
    (block $done
      (loop $again
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $acc (i32.add (local.get $acc) (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $again)))
    (local.get $acc))
  (func $two (type $pair) (i32.const 1) (i32.const 2))
  (func $multi (result i32)
    (block (type $pair) (call $two))
    (i32.add))
  (func $tail (param i32 i32) (result i32)
    (return_call $add (local.get 0) (local.get 1)))
  (func $by-ref (param i32 i32) (result i32)
    (call_ref $binop (local.get 0) (local.get 1) (ref.func $add)))
  (func $nullable (param (ref null $binop)) (result i32)
    (block $null
      (return (call_ref $binop (i32.const 1) (i32.const 2) (br_on_null $null (local.get 0)))))
    (i32.const -1))
  ;; The legacy exception instructions have no folded form in the text format.
  (func $legacy (result i32)
    try (result i32)
      (throw $e (i32.const 7))
    catch $e
    catch_all
      (i32.const 0)
    end)
  (func $rethrow
    try
      (throw $e (i32.const 1))
    catch_all
      rethrow 0
    end)
  (func $delegate
    try $outer
      try
        (throw $e (i32.const 2))
      delegate $outer
    catch_all
    end)
  (func $dead (result i32)
    (unreachable)
    (i32.add))
  (elem declare func $add))
