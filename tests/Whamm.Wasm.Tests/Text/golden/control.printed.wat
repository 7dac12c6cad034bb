(module
  (type $binop (;0;) (func (param i32 i32) (result i32)))
  (type $pair (;1;) (func (result i32 i32)))
  (type (;2;) (func (param i32)))
  (type (;3;) (func (param i32) (result i32)))
  (type (;4;) (func (result i32)))
  (type (;5;) (func (param (ref null $binop)) (result i32)))
  (type (;6;) (func))
  (func $add (;0;) (type $binop) (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.add
  )
  (func $abs (;1;) (type 3) (param i32) (result i32)
    local.get 0
    i32.const 0
    i32.lt_s
    if (result i32)
      i32.const 0
      local.get 0
      i32.sub
    else
      local.get 0
    end
  )
  (func $only-then (;2;) (type 2) (param i32)
    local.get 0
    if
      nop
    end
  )
  (func $sum (;3;) (type 3) (param $n i32) (result i32)
    (local $acc i32)
    block $done
      loop $again
        local.get $n
        i32.eqz
        br_if 1
        local.get $acc
        local.get $n
        i32.add
        local.set $acc
        local.get $n
        i32.const 1
        i32.sub
        local.set $n
        br 0
      end
    end
    local.get $acc
  )
  (func $two (;4;) (type $pair) (result i32 i32)
    i32.const 1
    i32.const 2
  )
  (func $multi (;5;) (type 4) (result i32)
    block (type $pair)
      call $two
    end
    i32.add
  )
  (func $tail (;6;) (type $binop) (param i32 i32) (result i32)
    local.get 0
    local.get 1
    return_call $add
  )
  (func $by-ref (;7;) (type $binop) (param i32 i32) (result i32)
    local.get 0
    local.get 1
    ref.func $add
    call_ref $binop
  )
  (func $nullable (;8;) (type 5) (param (ref null $binop)) (result i32)
    block $null
      i32.const 1
      i32.const 2
      local.get 0
      br_on_null 0
      call_ref $binop
      return
    end
    i32.const -1
  )
  (func $legacy (;9;) (type 4) (result i32)
    try (result i32)
      i32.const 7
      throw $e
    catch $e
    catch_all
      i32.const 0
    end
  )
  (func $rethrow (;10;) (type 6)
    try
      i32.const 1
      throw $e
    catch_all
      rethrow 0
    end
  )
  (func $delegate (;11;) (type 6)
    try $outer
      try
        i32.const 2
        throw $e
      delegate 0
    catch_all
    end
  )
  (func $dead (;12;) (type 4) (result i32)
    unreachable
    i32.add
  )
  (tag $e (;0;) (type 2))
  (elem (;0;) declare func $add)
)
