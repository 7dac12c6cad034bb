(module
  (func (export "_start") (local $i i32)
    (loop $again
      (block $d
        (block $c
          (block $b
            (block $a
              (br_table $a $b $c $d (i32.rem_u (local.get $i) (i32.const 6))))
            (nop))
          (nop))
        (nop))
      (br_if $again (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 20))))))
