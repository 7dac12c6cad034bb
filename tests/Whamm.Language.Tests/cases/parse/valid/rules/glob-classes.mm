var n: u32;
wasm:opcode:i32.[ls]*:before { n++; }
wasm:opcode:[!i]*:before { n++; }
wasm:opcode:???:before { n++; }
wasm:opcode:i[0-9][0-9].add:before { n++; }
wasm:opcode:br[_]*:before { n++; }
