var counter: u8;
var wide: f64;
wasm:opcode:nop:before {
    counter++;
    counter--;
    wide++;
}
