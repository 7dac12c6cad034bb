var m: map<i32, i32>;
wasm:opcode:call:before {
    m[1 = 2;
}
