var br_out: u32;
var table: u32;
var tail: u32;
var ret: u32;
wasm:func:exit / fname == "br_out" / { br_out++; }
wasm:func:exit / fname == "table" / { table++; }
wasm:func:exit / fname == "tail" / { tail++; }
wasm:func:exit / fname == "ret" / { ret++; }
