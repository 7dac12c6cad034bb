;; expect: invalid
;; message: sub type cannot have a final super type
(module (type $t (struct)) (type (sub $t (struct))))
