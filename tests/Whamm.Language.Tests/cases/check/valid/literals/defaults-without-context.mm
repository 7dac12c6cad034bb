// With no context: i32 if it fits, else i64, else u64.
wasm:opcode:call:before {
    var a: bool = 1 == 1;
    var b: bool = 3000000000 == 3000000000;
    var c: bool = 10000000000000000000 == 10000000000000000000;
}
