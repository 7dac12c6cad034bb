(module
  (func $add (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.add)
  (func $twice (param i32) (result i32)
    (call $add (local.get 0) (local.get 0)))
  (func $main (export "_start")
    (local $i i32)
    (loop $l
      (drop (call $twice (local.get $i)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 3))))
    (drop (call $add (i32.const 10) (i32.const 20)))))
