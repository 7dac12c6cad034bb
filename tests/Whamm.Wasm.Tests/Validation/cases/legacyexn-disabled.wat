;; expect: invalid
;; message: legacy exceptions support is not enabled
;; at: try
(module (func try nop catch_all end))
