var m: map<(i32, u32), i32>;
var n: map<u32, i32>;
wasm:opcode:call:before {
    m[(fid as i32 * 2, pc + 1)] = 1;
    n[fid > 3 ? fid : 3]++;
    n[(pc as u64 >> 2) as u32] = m[(0, 0)];
}
