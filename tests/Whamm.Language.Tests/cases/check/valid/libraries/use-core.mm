use whamm_core;
wasm:report { whamm_core.print_map(0); }
