;; expect: invalid
;; message: type mismatch: expected f32, found i32
;; at: br_table
(module (func
  block $a (result i32)
    block $b (result f32)
      i32.const 1
      i32.const 0
      br_table $a $b
    end
    drop
    i32.const 0
  end
  drop))
