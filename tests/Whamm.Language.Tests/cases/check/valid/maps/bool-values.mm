var seen: map<u32, bool>;
wasm:opcode:call:before / !seen[fid] / {
    seen[fid] = true;
}
