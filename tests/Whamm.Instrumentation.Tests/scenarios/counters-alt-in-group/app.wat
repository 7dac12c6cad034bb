(module
  (func $div (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func (export "_start") (local $i i32) (local $s i32)
    (loop $again
      (local.set $s (i32.add (local.get $s) (i32.div_s (i32.const 100) (local.get $i))))
      (local.set $s (i32.add (local.get $s) (call $div (i32.const 7) (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $again (i32.lt_u (local.get $i) (i32.const 4))))))
