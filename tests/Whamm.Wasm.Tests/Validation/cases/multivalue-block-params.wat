;; expect: invalid
;; message: type mismatch: expected i64, found i32
;; at: block
(module (func (result i32) i32.const 1 i32.const 2 block (param i32 i64) (result i32) drop end))
