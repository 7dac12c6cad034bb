;; expect: valid
(module
  (type $s (struct (field i32) (field (ref null $s))))
  (type $a (array i64))
  (global $g1 (ref $s) (struct.new $s (i32.const 1) (ref.null $s)))
  (global $g2 (ref $s) (struct.new $s (i32.const 2) (global.get $g1)))
  (global $g3 (ref $a) (array.new_fixed $a 3 (i64.const 1) (i64.const 2) (i64.const 3)))
  (global $g4 (ref i31) (ref.i31 (i32.const 7)))
  (global $g5 externref (extern.convert_any (global.get $g4))))
