// §3.8/DECISIONS 17: single-value globals get exported getters
var count: i32;
var ratio: f64 = 0.5;
wasm:opcode:call:before {
    count = count + 1;
}
