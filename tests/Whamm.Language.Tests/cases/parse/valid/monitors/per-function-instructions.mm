// Executed instructions per function.
var per_function: map<u32, u32>;

wasm:opcode:*:before {
    per_function[fid]++;
}

wasm:report {
    whamm_core.print_map_as_csv(0);
}
