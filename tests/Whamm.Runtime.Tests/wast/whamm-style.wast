;; A test in the Whamm .wast convention: the module marked @instrument is the application; each
;; ";; WHAMM --> <script>" comment names the monitor for the assertions after it, and @passes_uninstr
;; marks assertions that also hold without instrumentation (all of them here, so this file runs as is).

;; @instrument
(module
  (global $var (mut i32) (i32.const 0))
  (func $get_global_var (export "get_global_var") (result i32) (global.get $var))
  (func $bump (export "bump") (global.set $var (i32.add (global.get $var) (i32.const 1))))
  (start $bump))

;; WHAMM --> var count: i32; wasm:opcode:call:before { count++; }
;; @passes_uninstr
(assert_return (invoke "get_global_var") (i32.const 1))
;; WHAMM --> wasm:opcode:global.set:after { }
;; @passes_uninstr
(assert_return (invoke "get_global_var") (i32.const 1)) ;; the start function ran once
