;; expect: invalid
;; message: br_table target labels have different number of types
;; at: br_table
(module (func (result i32)
  block $a (result i32)
    block $b
      i32.const 1
      i32.const 0
      br_table $a $b
    end
    i32.const 2
  end))
