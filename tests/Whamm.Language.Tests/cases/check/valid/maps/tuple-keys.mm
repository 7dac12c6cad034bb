var edges: map<(u32, u32), u64>;
var sites: map<(u32, u32, u32), i32>;
wasm:opcode:call:before {
    edges[(fid, imm0)]++;
    sites[(fid, pc, 1)] = 1;
}
