// reference §1.1: a probe must have a block
wasm:opcode:call:alt
