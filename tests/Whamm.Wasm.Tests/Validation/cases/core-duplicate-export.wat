;; expect: invalid
;; message: duplicate export name `a` already defined
(module (func (export "a")) (global (export "a") i32 (i32.const 0)))
