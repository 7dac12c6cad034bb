;; expect: invalid
;; message: constant expression required: non-constant operator
;; at: struct.get
(module (type $s (struct (field i32))) (global i32 (struct.get $s 0 (struct.new $s (i32.const 1)))))
