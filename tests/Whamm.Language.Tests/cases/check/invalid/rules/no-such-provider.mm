wasi:opcode:call:before { }
