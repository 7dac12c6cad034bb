;; expect: valid
;; Catch labels are numeric: depths count from outside the try_table.
(module
  (import "m" "t" (tag $ei (param f32)))
  (tag $e0)
  (tag $e1 (param i32 i64))
  (func (param i32) (result i32)
    block $h1 (result i32 i64)
      block $h0
        block $h2 (result i32 i64 exnref)
          block $h3 (result exnref)
            try_table (catch $e0 2) (catch $e1 3) (catch_ref $e1 1) (catch_all_ref 0)
              local.get 0
              if
                i32.const 1
                i64.const 2
                throw $e1
              end
              throw $e0
            end
            unreachable
          end
          throw_ref
        end
        throw_ref
      end
      i32.const 0
      return
    end
    drop
    drop
    i32.const 3)
  (func (result i32)
    block $h
      try_table (result i32) (catch_all 0)
        i32.const 1
      end
      return
    end
    i32.const 2))
