var budget: map<u32, i32>;
wasm:opcode:call:before / budget[fid] > 0 / {
    budget[fid]--;
}
