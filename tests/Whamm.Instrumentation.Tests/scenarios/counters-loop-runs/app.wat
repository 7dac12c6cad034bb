(module
  ;; a do-while loop: the back edge is taken four times, the exit once
  (func $count (local i32)
    (loop $again
      (local.set 0 (i32.add (local.get 0) (i32.const 1)))
      (br_if $again (i32.lt_u (local.get 0) (i32.const 5)))))
  ;; a while loop, run twice: the exit branch is taken once per run, its fall-through stays in the loop
  (func $sum (param i32) (result i32) (local i32)
    (block $done
      (loop $l
        (br_if $done (i32.eqz (local.get 0)))
        (local.set 1 (i32.add (local.get 1) (local.get 0)))
        (local.set 0 (i32.add (local.get 0) (i32.const -1)))
        (br $l)))
    (local.get 1))
  (func (export "_start")
    (call $count)
    (drop (call $sum (i32.const 6)))
    (drop (call $sum (i32.const 3)))))
