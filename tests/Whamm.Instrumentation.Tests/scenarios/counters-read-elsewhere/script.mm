// `count` is read by another probe's predicate while the program runs, so its increments must not be merged or
// held in locals: `late` counts the calls made once more than 20 instructions have run, instruction by instruction.
var count: u32;
var late: u32;
wasm:opcode:*:before { count++; }
wasm:opcode:call:before / count > 20 / { late++; }
