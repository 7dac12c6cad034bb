;; Recurses until the call stack is exhausted.
(module (func $recurse (export "_start") call $recurse))
