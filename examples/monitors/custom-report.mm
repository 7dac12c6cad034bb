// A custom report: `wasm:report` replaces the default end-of-run report.
// Here it prints the call counts per function as CSV (map 0 is `calls`).

var calls: map<u32, u32>;
var total: u64;

wasm:opcode:call:before {
    calls[imm0]++;
    total++;
}

wasm:report {
    whamm_core.putu64(total);
    whamm_core.putc(10);
    whamm_core.print_map_as_csv(0);
}
