wasm:opcode:call:before { var x: u32 = fid; }
wasm:opcode:return:before { var x: u32 = pc; }
