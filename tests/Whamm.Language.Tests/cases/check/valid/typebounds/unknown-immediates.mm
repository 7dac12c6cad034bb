wasm:opcode:ref.test(imm0: u32):before {
    var heap: u32 = imm0;
}
