// reference §1.2: `//` inside a probe header starts a comment
wasm:opcode:call:before // { }
