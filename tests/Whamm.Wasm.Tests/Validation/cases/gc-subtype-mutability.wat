;; expect: invalid
;; message: sub type must match super type
(module (type $t (sub (array (mut i32)))) (type (sub $t (array i32))))
