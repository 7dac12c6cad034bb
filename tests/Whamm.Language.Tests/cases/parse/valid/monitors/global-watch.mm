// Watch writes to global 0 and record the largest value.
report var writes: u32;
report var largest: i32;

wasm:opcode:global.set(arg0: i32):before / imm0 == 0 / {
    writes++;
    largest = arg0 > largest ? arg0 : largest;
}
