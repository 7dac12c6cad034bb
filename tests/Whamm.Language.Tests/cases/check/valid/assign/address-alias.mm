// addr is an alias of the address operand, so it is assignable too.
wasm:opcode:i32.load:before / addr == 0 / {
    addr = 4;
}
