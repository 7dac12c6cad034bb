var never: u32;
wasm:opcode:loop:entry / fid == 99 / { never++; }
wasm:opcode:loop:exit / fid == 99 / { never++; }
wasm:opcode:if:after / fid == 99 / { never++; }
wasm:opcode:block:alt / fid == 99 / { never++; }
wasm:opcode:br_if:at_target / fid == 99 / { never++; }
wasm:opcode:i32.add:alt / fid == 99 / { never++; }
wasm:opcode:call:after / fid == 99 / { never++; }
wasm:func:exit / fid == 99 / { never++; }
wasm:block:start / fid == 99 / { never++; }
wasm:block:end / fid == 99 / { never++; }
