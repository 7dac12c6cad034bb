// Instruction count: how many instructions the program executes in total,
// and how many of each kind.
//
//   whamm check examples/monitors/instruction-count.mm

report var executed: u64;
var by_opcode: map<str, u64>;

wasm:opcode:*:before {
    executed++;
    by_opcode[opname]++;
}
