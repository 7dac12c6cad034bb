wasm:opcode:call:before { var b: bool = at_func_end * at_func_end; }
