;; expect: invalid
;; message: supertypes must be defined before subtypes
(module (rec (type (sub 1 (struct))) (type (sub (struct)))))
