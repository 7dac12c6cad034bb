// Ternaries of literals take the context's type.
wasm:opcode:br_if:before {
    var weight: u8 = arg0 == 0 ? 1 : 255;
    var scale: f32 = pc > 10 ? 0.5 : 2;
}
