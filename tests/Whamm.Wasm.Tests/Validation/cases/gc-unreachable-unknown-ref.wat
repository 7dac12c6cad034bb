;; expect: invalid
;; message: type mismatch: expected i32, found heap type
;; at: i32.add
(module (func unreachable ref.as_non_null i32.add drop))
