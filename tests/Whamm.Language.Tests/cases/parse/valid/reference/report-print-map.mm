// §3.6: a wasm:report probe replaces the default flush
var count: map<i32, i32>;

wasm:opcode:call:before {
    count[imm0 as i32]++;
}

wasm:report {
    whamm_core.print_map_as_csv(0);
}
