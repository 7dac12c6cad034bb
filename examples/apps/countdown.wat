;; Counts down from 3 in a loop; prints nothing. Small enough to count its instructions by hand:
;; 2 before the loop, the loop itself, 5 per iteration (3 iterations), the loop's end and the function's end.
(module
  (memory (export "memory") 1)
  (func $main (export "_start")
    (local $i i32)
    i32.const 3
    local.set $i
    loop $again
      local.get $i
      i32.const 1
      i32.sub
      local.tee $i
      br_if $again
    end))
