// §2.2: a parenthesized parameter list may follow any rule part
wasm:opcode:call(arg0: i32):before {
    var a: i32 = arg0;
}
wasm:opcode:local.set(arg3: i64):before {
    var b: i64 = arg3;
}
wasm(local0: i32, local1: i32):opcode:*:before {
    var c: i32 = local0 + local1;
}
wasm(local0: i32):func:entry {
    var d: i32 = local0;
}
