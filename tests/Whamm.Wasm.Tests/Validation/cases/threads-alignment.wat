;; expect: invalid
;; message: atomic instructions must always specify maximum alignment
;; at: i64.atomic.load
(module (memory 1 1 shared) (func (result i64) i32.const 0 i64.atomic.load align=4))
