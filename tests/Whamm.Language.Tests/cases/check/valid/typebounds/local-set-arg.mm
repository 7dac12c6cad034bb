var stores: map<u32, i64>;
wasm:opcode:local.set(arg0: i64):before {
    stores[imm0] = arg0;
}
