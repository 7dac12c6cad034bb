var loads: map<i32, u32>;
wasm:opcode:i32.load:after {
    loads[res0]++;
}
wasm:opcode:f64.load:after / res0 > 1.0 / { }
