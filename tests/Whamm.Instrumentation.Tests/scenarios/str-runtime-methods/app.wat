(module
  (func $read_file (result i32) (i32.const 1))
  (func $write_file (result i32) (i32.const 2))
  (func $read (result i32) (i32.const 3))
  (func $main (export "_start")
    (drop (call $read_file))
    (drop (call $write_file))
    (drop (call $read))
    (drop (call $read_file))))
