(module
  (global $g (mut i32) (i32.const 0))
  (func $bump (global.set $g (i32.add (global.get $g) (i32.const 1))))
  (func $init (call $bump) (call $bump))
  (start $init)
  (func (export "main")))
