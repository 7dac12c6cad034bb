// Which i32 constants appear most.
var constants: map<i32, i32>;

wasm:opcode:i32.const:before {
    constants[imm0]++;
}
