wasm:opcode:call:before { var s: str = fname + "!"; }
