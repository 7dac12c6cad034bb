(module
  ;; A counter with state: inc, add, get; and a per-site registry (register(fid) sums fids, counts calls).
  (global $n (mut i32) (i32.const 0))
  (global $sites (mut i32) (i32.const 0))
  (global $fids (mut i32) (i32.const 0))
  (func (export "inc") (global.set $n (i32.add (global.get $n) (i32.const 1))))
  (func (export "add") (param i32) (global.set $n (i32.add (global.get $n) (local.get 0))))
  (func (export "get") (result i32) (global.get $n))
  (func (export "next") (result i32) (global.set $n (i32.add (global.get $n) (i32.const 1))) (global.get $n))
  (func (export "register") (param i32)
    (global.set $sites (i32.add (global.get $sites) (i32.const 1)))
    (global.set $fids (i32.add (global.get $fids) (local.get 0))))
  (func (export "sites") (result i32) (global.get $sites))
  (func (export "fids") (result i32) (global.get $fids)))
