// effective_addr needs addr (an alias of the address operand) and offset.
wasm:opcode:i64.store8:before {
    var e: u32 = effective_addr;
}
