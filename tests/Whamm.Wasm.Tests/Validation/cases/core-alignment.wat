;; expect: invalid
;; message: alignment must not be larger than natural
;; at: i32.load
(module (memory 1) (func (result i32) i32.const 0 i32.load align=8))
