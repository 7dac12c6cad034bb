;; expect: valid
(module (global funcref (ref.func $f)) (func $f ref.func $f drop))
