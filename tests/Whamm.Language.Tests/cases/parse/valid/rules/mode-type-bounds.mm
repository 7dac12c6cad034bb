wasm:opcode:call:after(res0: i32) {
    var r: i32 = res0;
}
wasm:opcode:i64.add:after(res0: i64) { }
