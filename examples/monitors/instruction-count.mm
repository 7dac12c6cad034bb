// Instruction count: how many instructions the program executes in total,
// and how many of each kind.
//
//   whamm instr --script examples/monitors/instruction-count.mm --app examples/apps/countdown.wat -o out.wasm
//   whamm run out.wasm

report var executed: u64;
report var by_opcode: map<str, u64>;

wasm:opcode:*:before {
    executed++;
    by_opcode[opname]++;
}
