;; expect: valid
(module (func $f (export "f") ref.func $f drop))
