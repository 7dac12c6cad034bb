;; expect: invalid
;; message: undeclared function reference
;; at: ref.func
(module (func $f ref.func $f drop))
