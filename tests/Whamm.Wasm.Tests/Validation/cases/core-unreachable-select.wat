;; expect: invalid
;; message: select operands have different types
;; at: select
(module (func (result i32) unreachable i32.const 0 i64.const 1 i32.const 1 select drop i32.const 0))
