// memory.grow's derived `failed` in a residual predicate, next to mem_size of the memory it grows.
report var failures: u32;
var pages: u32;
var asked: u32;
wasm:opcode:memory.grow:before { asked = asked + arg0; }
wasm:opcode:memory.grow:after / failed / { failures++; }
wasm:opcode:memory.grow:after / !failed / { pages = mem_size(imm0); }
