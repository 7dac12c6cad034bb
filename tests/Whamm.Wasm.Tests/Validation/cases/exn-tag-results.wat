;; expect: invalid
;; message: non-empty tag result type
(module (type (func (result i32))) (tag (type 0)))
