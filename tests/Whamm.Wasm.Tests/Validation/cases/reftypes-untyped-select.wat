;; expect: invalid
;; message: select only takes integral types
;; at: select
(module (func (param externref externref) (result externref) local.get 0 local.get 1 i32.const 0 select))
