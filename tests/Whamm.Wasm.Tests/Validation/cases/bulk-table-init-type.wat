;; expect: invalid
;; message: type mismatch
;; at: table.init
(module (table 1 externref) (elem $e func $f) (func $f i32.const 0 i32.const 0 i32.const 0 table.init 0 $e))
