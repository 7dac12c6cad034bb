wasm:opcode:call(arg0: i32, arg1: i32):before / strcmp((arg1, arg0), "hello") / {
    var hit: bool = strcontains((arg1, arg0), "ll");
}
