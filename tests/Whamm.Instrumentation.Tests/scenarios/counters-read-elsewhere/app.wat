(module
  (func $f (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
  (func (export "_start") (local $k i32)
    (loop $again
      (local.set $k (call $f (local.get $k)))
      (drop (call $f (local.get $k)))
      (br_if $again (i32.lt_u (local.get $k) (i32.const 6))))))
