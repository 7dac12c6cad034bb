// A bound keeps only the events whose operand has a compatible Wasm type.
report var zeros: u32;
wasm:opcode:*.div*|*.rem*(arg0: i32):before / arg0 == 0 / {
    zeros++;
}
