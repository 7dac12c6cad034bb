wasm:opcode:call:before {
    if (x) y = 1;
}
wasm:opcode:call:after {
    while (true) { }
}
wasm:opcode:call:alt {
    x = @bad lib.f();
}
wasm:func:entry {
    t.q = 1;
}
