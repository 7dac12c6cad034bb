// Hot spots: execution count per (function, pc).
var hot: map<(i32, i32), i32>;

wasm:opcode:*:before {
    hot[(fid as i32, pc as i32)]++;
}
