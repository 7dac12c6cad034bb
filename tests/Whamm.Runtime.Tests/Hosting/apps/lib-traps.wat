;; A user library whose answer() traps: the application's frame is reported, not the library's.
(module $lib (func $inlib (export "answer") (result i32) (local i32) unreachable))
