wasm:opcode:end:before / at_func_end / { }
wasm:opcode:end:after { }
