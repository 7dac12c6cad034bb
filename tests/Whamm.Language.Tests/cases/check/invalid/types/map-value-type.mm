var names: map<u32, str>;
wasm:opcode:call:before { names[fid] = pc; }
