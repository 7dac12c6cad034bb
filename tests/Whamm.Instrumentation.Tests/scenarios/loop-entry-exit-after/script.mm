var iterations: u32;
var exits: u32;
var afters: u32;
var block_afters: u32;
wasm:opcode:loop:entry { iterations++; }
wasm:opcode:loop:exit { exits++; }
wasm:opcode:loop:after { afters++; }
wasm:opcode:block:after { block_afters++; }
