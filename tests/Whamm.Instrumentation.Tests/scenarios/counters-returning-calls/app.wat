(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (type $unary (func (param i32) (result i32)))
  (type $check (func (param i32)))
  (table 2 funcref)
  (elem (i32.const 0) $square $stop_at_7)
  (global $total (mut i32) (i32.const 0))
  ;; returns: counters run on across calls of it, also through the table
  (func $square (type $unary) (i32.mul (local.get 0) (local.get 0)))
  ;; ends the program when x = 7: calls of it cut counter groups
  (func $stop_at_7 (type $check)
    (if (i32.eq (local.get 0) (i32.const 7)) (then (call $exit (i32.const 0)))))
  ;; a loop whose calls all return: it holds counters in locals
  (func $sum (param $n i32) (local $i i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (call $square (local.get $i))))        ;; n times
      (local.set $i (i32.add (local.get $i) (i32.const 1)))                         ;; n times
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (global.set $total (local.get $s)))
  (func (export "_start") (local $i i32) (local $s i32)
    (call $sum (i32.const 5))
    (loop $l
      (local.set $s (call $square (local.get $i)))                                  ;; i = 0..7: 8 times
      (local.set $s (call_indirect (type $unary) (local.get $s) (i32.const 0)))    ;; 8 times
      (call_indirect (type $check) (local.get $i) (i32.const 1))                   ;; ends the program at i = 7
      (local.set $s (i32.add (local.get $s) (i32.const 1)))                         ;; i = 0..6: 7 times
      (local.set $i (i32.add (local.get $i) (i32.const 1)))                         ;; 7 times
      (br_if $l (i32.lt_u (local.get $i) (i32.const 10))))))
