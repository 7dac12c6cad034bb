wasm:opcode:call:before { whamm_core.print("hi"); }
