(module
  (type $binop (;0;) (func (param i32 i32) (result i32)))
  (type $pair (;1;) (func (result i32 i32)))
  (type (;2;) (func (param i32)))
  (type (;3;) (func (param i32) (result i32)))
  (type (;4;) (func (result i32)))
  (type (;5;) (func (param (ref null $binop)) (result i32)))
  (type (;6;) (func))
  (func $add (;0;) (type $binop) (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1))
  )
  (func $abs (;1;) (type 3) (param i32) (result i32)
    (if (result i32)
      (i32.lt_s (local.get 0) (i32.const 0))
      (then
        (i32.sub (i32.const 0) (local.get 0))
      )
      (else
        (local.get 0)
      )
    )
  )
  (func $only-then (;2;) (type 2) (param i32)
    (if
      (local.get 0)
      (then
        (nop)
      )
    )
  )
  (func $sum (;3;) (type 3) (param $n i32) (result i32)
    (local $acc i32)
    (block $done
      (loop $again
        (br_if 1 (i32.eqz (local.get $n)))
        (local.set $acc (i32.add (local.get $acc) (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br 0)
      )
    )
    (local.get $acc)
  )
  (func $two (;4;) (type $pair) (result i32 i32)
    (i32.const 1)
    (i32.const 2)
  )
  (func $multi (;5;) (type 4) (result i32)
    (block (type $pair)
      (call $two)
    )
    (i32.add)
  )
  (func $tail (;6;) (type $binop) (param i32 i32) (result i32)
    (return_call $add (local.get 0) (local.get 1))
  )
  (func $by-ref (;7;) (type $binop) (param i32 i32) (result i32)
    (call_ref $binop (local.get 0) (local.get 1) (ref.func $add))
  )
  (func $nullable (;8;) (type 5) (param (ref null $binop)) (result i32)
    (block $null
      (i32.const 1)
      (i32.const 2)
      (local.get 0)
      (br_on_null 0)
      (return (call_ref $binop))
    )
    (i32.const -1)
  )
  (func $legacy (;9;) (type 4) (result i32)
    try (result i32)
      (throw $e (i32.const 7))
    catch $e
    catch_all
      (i32.const 0)
    end
  )
  (func $rethrow (;10;) (type 6)
    try
      (throw $e (i32.const 1))
    catch_all
      (rethrow 0)
    end
  )
  (func $delegate (;11;) (type 6)
    try $outer
      try
        (throw $e (i32.const 2))
      delegate 0
    catch_all
    end
  )
  (func $dead (;12;) (type 4) (result i32)
    (unreachable)
    (i32.add)
  )
  (tag $e (;0;) (type 2))
  (elem (;0;) declare func $add)
)
