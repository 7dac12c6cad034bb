;; expect: valid
;; features: All
;; oracle: skip
(module
  (tag $e (param i32))
  (func (result i32)
    try (result i32)
      i32.const 1
      throw $e
    catch $e
      try (result i32)
        i32.const 5
      catch_all
        rethrow 1
      end
      i32.add
    catch_all
      i32.const 2
    end)
  (func
    block
      try
        nop
      delegate 0
    end))
