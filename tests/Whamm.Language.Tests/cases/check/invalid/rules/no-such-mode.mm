wasm:opcode:call:beforee { }
