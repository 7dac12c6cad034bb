wasm:opcode:call:before {
    if (pc == 0) { } elif (fname) { }
}
