wasm:opcode:call(arg0: i32):before {
    unshared var s: str = read_str(APP_MEMID, arg0, 4);
}
