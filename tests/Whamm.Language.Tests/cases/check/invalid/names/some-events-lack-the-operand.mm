// arg1 exists for the binary operations but not for i32.eqz: one error, named by that event.
wasm:opcode:i32.eqz|i32.add|i32.sub:before {
    var b: i32 = arg1;
}
