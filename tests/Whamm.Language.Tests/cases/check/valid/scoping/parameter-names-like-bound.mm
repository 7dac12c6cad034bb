// A fn body sees no bound variables, so a parameter may be called pc.
fn at(pc: u32) -> u32 { return pc; }
wasm:begin { }
