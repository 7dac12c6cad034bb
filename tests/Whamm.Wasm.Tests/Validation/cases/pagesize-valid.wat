;; expect: valid
;; oracle: skip
(module (memory 70000 (pagesize 1)) (memory i64 1 (pagesize 65536)) (func (result i32) i32.const 0 i32.load))
