;; expect: invalid
;; message: sub type must match super type
(module (type $t (sub (struct (field i32)))) (type (sub $t (struct (field i64)))))
