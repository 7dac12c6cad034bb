;; expect: invalid
;; message: alignment must not be larger than natural
;; at: v128.load
(module (memory 1) (func (result v128) i32.const 0 v128.load align=32))
