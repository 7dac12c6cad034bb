var entries: u32;
var main_entries: u32;
wasm:func:entry { entries++; }
wasm:func:entry / fid == 1 / { main_entries++; }
