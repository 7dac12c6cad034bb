(module
  (global $g (mut i32) (i32.const 0))
  (func $pick (param i32) (result i32)
    (block $b1 (block $b0
      (br_table $b0 $b1 $b0 (local.get 0)))
      (return (i32.const 10)))
    (i32.const 30))
  ;; br_table whose default is the function's label: leaves the function for every index but 0
  (func $maybe (param i32)
    (block $b0 (br_table $b0 1 (local.get 0)))
    (global.set $g (i32.add (global.get $g) (i32.const 1))))
  (func $tail (param i32) (result i32)
    (call $maybe (i32.rem_u (local.get 0) (i32.const 2)))
    (if (result i32) (i32.eqz (local.get 0))
      (then (i32.const 100))
      (else (return_call $pick (i32.sub (local.get 0) (i32.const 1))))))
  (func (export "_start") (local $n i32) (local $s i32)
    (loop $again
      (local.set $s (i32.add (local.get $s) (call $tail (local.get $n))))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br_if $again (i32.le_u (local.get $n) (i32.const 5))))))
