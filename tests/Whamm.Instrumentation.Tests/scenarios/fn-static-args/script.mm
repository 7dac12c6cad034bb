// Static bound values as arguments: pc and fid folded into each call.
report var where: u32;
fn code(f: u32, p: u32) -> u32 { return f * 1000 + p; }
wasm:opcode:call:before { where = where + code(fid, pc); }
