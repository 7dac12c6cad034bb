;; expect: invalid
;; message: type mismatch: expected i32, found f32
;; at: end
(module (func (result i32) try_table (result i32) f32.const 0 end))
