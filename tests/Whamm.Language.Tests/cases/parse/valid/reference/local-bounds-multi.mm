// §2.2 and DECISIONS 7: any number of type-bound groups
wasm(local0: i32):opcode:call(arg0: i32):before {
    var sum: i32 = local0 + arg0;
}
wasm(local0: i64, local1: f64):func(local2: i32):entry {
}
