;; expect: invalid
;; message: offset out of range: must be <= 2**32
;; at: i64.load
(module (memory 1) (func (result i64) i32.const 0 i64.load offset=0x100000000))
