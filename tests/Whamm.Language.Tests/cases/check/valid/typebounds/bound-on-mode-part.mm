wasm:opcode:call:before(arg0: f64) / arg0 > 0.5 / { }
