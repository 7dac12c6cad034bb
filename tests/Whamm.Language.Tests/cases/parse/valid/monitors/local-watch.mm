// Watch local.set of local 0 in every function.
wasm:opcode:local.set|local.tee(arg0: i64):before / imm0 == 0 / {
    report unshared var last: i64;
    last = arg0;
}
