;; A small call graph: $main calls $a twice and $c once directly; $a calls $b directly and $c through the table.
(module
  (memory (export "memory") 1)
  (type $void (func))
  (table 1 funcref)
  (elem (i32.const 0) $c)
  (func $main (export "_start")    ;; function 0
    (call $a)
    (call $a)
    (call $c))
  (func $a                         ;; function 1
    (call $b)
    (call_indirect (type $void) (i32.const 0)))
  (func $b)                        ;; function 2
  (func $c))                       ;; function 3
