var started: bool;
report var runs: u32;
wasm:begin { started = true; runs++; }
wasm:end { started = false; }
wasm:report { whamm_core.print_map_as_csv(0); }
