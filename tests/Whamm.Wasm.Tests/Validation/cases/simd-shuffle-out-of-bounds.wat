;; expect: invalid
;; message: SIMD index out of bounds
;; at: i8x16.shuffle
(module (func (param v128) (result v128) local.get 0 local.get 0 i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 32))
