(module
  (type $ft (;0;) (func (param i32) (result i32)))
  (type $s (;1;) (struct (field $a i32) (field $b (mut i64))))
  (type $arr (;2;) (array (mut i32)))
  (type (;3;) (func (param i32)))
  (func $f (;0;) (type $ft) (param i32) (result i32)
    (local $x i32)
    block
      nop
    end
    block (result i32)
      i32.const 1
    end
    drop
    block (type $ft)
      local.get 0
    end
    drop
    block $out
      local.get 0
      br_if 0
      local.get 0
      br_table 0 0 0
    end
    local.get $x
    call $f
    drop
    i32.const 0
    i32.const 1
    call_indirect $t1 (type $ft)
    drop
    i32.const 0
    i32.const 1
    call_indirect (type $ft)
    drop
    global.get $gl
    global.set $gl
    i32.const 3
    local.tee $x
    local.set $x
    memory.size $m1
    drop
    i32.const 0
    memory.grow
    drop
    i32.const 0
    i32.load offset=8 align=2
    drop
    i32.const 0
    i64.load $m1 offset=16
    drop
    i32.const 0
    i32.const 1
    i32.store8
    i32.const 0
    i32.const 0
    i32.const 0
    memory.init $m1 $d0
    i32.const 0
    i32.const 0
    i32.const 0
    memory.copy $m1 $m0
    i32.const 0
    i32.const 0
    i32.const 0
    memory.fill
    data.drop $d0
    i32.const 0
    i32.const 0
    i32.const 0
    table.init $t1 $e0
    i32.const 0
    i32.const 0
    i32.const 0
    table.copy $t0 $t1
    elem.drop $e0
    table.size $t1
    drop
    i32.const -2147483648
    drop
    i64.const 9223372036854775807
    drop
    f32.const -0.1875
    drop
    f64.const 6.02214076e+23
    drop
    v128.const i32x4 0x03020100 0x07060504 0x0b0a0908 0xff0e0d0c
    drop
    v128.const i32x4 0xffffffff 0xffffffff 0x00000001 0x00000000
    i8x16.extract_lane_u 15
    drop
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    v128.const i32x4 0x00000001 0x00000001 0x00000001 0x00000001
    i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31
    drop
    i32.const 0
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    v128.load8_lane $m1 offset=1 7
    drop
    i32.const 1
    i32.const 2
    local.get 0
    select (result i32)
    drop
    i32.const 1
    i32.const 2
    local.get 0
    select
    drop
    ref.null $s
    drop
    ref.null extern
    ref.is_null
    drop
    i32.const 1
    i64.const 2
    struct.new $s
    struct.get $s $b
    drop
    i32.const 1
    i32.const 2
    i32.const 3
    array.new_fixed $arr 3
    drop
    ref.null any
    ref.test (ref $s)
    drop
    ref.null any
    ref.test (ref null $s)
    drop
    ref.null any
    ref.cast (ref null $s)
    drop
    ref.null any
    ref.cast (ref i31)
    drop
    block $b (result anyref)
      ref.null any
      br_on_cast 0 (ref null any) (ref $s)
    end
    drop
    block $c (result anyref)
      ref.null any
      br_on_cast_fail 0 (ref null any) (ref null $s)
    end
    drop
    atomic.fence
    block $h (result i32)
      try_table (result i32) (catch $ex 0)
        i32.const 5
        throw $ex
      end
    end
    drop
    block $h2 (result exnref)
      try_table (catch_all_ref 0) (catch_ref $ex 1) (catch_all 2)
      end
      ref.null exn
    end
    drop
    local.get 0
  )
  (table $t0 (;0;) 4 funcref)
  (table $t1 (;1;) 4 funcref)
  (memory $m0 (;0;) 1)
  (memory $m1 (;1;) 1)
  (tag $ex (;0;) (type 3))
  (global $gl (;0;) (mut i32) (i32.const 0))
  (elem $e0 (;0;) func $f)
  (data $d0 (;0;) "data")
)
