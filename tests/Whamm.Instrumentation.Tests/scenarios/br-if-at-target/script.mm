var taken: u32;
var brs: u32;
var conds: u32;
wasm:opcode:br_if:at_target { taken++; }
wasm:opcode:br:at_target { brs++; }
wasm:opcode:br_if(arg0: u32):at_target { conds = conds + arg0; }
