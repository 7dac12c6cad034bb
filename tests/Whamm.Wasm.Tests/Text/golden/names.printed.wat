(module $"my module"
  (type $plain (;0;) (func (param i32)))
  (type $"type with spaces" (;1;) (struct (field $x i32) (field $"odd field" i64)))
  (type (;2;) (func (param i32 i32)))
  (type (;3;) (func))
  (func $plain (;0;) (type $plain) (param $p i32)
    (local $l i32) (local i64) (local $"local two" i32)
    block $lbl
      br 0
    end
    local.get $p
    local.get $l
    call $"needs quotes"
  )
  (func $"needs quotes" (;1;) (type 2) (param i32 i32))
  (func $duplicate (;2;) (type $plain) (param i32))
  (func (@name "duplicate") (;3;) (type 2) (param $same i32) (param (@name "same") i32))
  (func (@name "") (;4;) (type 3))
  (func $"unicode-\c3\a9" (;5;) (type $plain) (param $"\c3\bc" i32))
  (func $"tab\tname" (;6;) (type 3))
  (table $t (;0;) 1 funcref)
  (memory $"memory 0" (;0;) 1)
  (tag $oops (;0;) (type 3))
  (global $counter (;0;) (mut i32) (i32.const 0))
  (global (@name "counter") (;1;) (mut i32) (i32.const 1))
  (elem $element (;0;) func $plain)
  (data $greeting (;0;) "hi")
)
