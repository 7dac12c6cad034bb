var n: i32;
wasm:opcode:call_indirect:before { n = n + resolved_fid; }
