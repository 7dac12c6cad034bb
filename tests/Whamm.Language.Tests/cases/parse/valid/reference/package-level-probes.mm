// §2.3: packages without events
var started: bool;
wasm:begin {
    started = true;
}
wasm:end {
    started = false;
}
wasm:report {
    whamm_core.print_map_as_csv(0);
}
