// §1.11: tuples as map keys
var count: map<(i32, i32, i32), i32>;
wasm:opcode:br_if:before {
    count[(fid as i32, pc as i32, 1)]++;
}
