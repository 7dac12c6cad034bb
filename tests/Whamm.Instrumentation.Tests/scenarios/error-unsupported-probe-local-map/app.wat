(module
  (func $loop (param i32) (result i32) (local i32)
    (block $out
      (loop $top
        (br_if $out (i32.eqz (local.get 0)))
        (local.set 1 (i32.add (local.get 1) (local.get 0)))
        (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
        (br $top)))
    (if (result i32) (i32.gt_s (local.get 1) (i32.const 10))
      (then (local.get 1))
      (else (i32.const 0))))
  (func $main (export "_start")
    (drop (call $loop (i32.const 4)))
    (drop (call $loop (i32.const 5)))
    (drop (f32.add (f32.const 0.25) (f32.const 1)))))
