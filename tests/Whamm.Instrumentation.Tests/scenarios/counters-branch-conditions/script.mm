// How often an if's or br_if's condition held, counted from the arms: +1 in the then arm of an if; +1 at a br_if and
// -1 on its fall-through. Shapes: an if with and without else, a loop's back edge, a br_if out of a block carrying a
// value, a global (`0 != arg0`, u64), and select, whose condition has no arm (counted as written). The program ends by
// proc_exit right after a fall-through, so the counts of the last round must already be exact.
// Over i = 0..9 in $round: i % 3 == 0 four times (then arm), i odd five times; the loop's exit test runs 46 times and
// leaves at once only for i = 0, its back edge runs 45 times (1 + ... + 9) and is taken 36; the block is left early for
// i >= 7 (three times); select picks its first operand when i is odd (five times); held sums the taken counts (58).
report var held: u64;
wasm:opcode:if|br_if:before {
    report var taken: u32;
    report var total: u32;
    taken = taken + (arg0 != 0) as u32;
    total++;
    held = held + (0 != arg0) as u64;
}
wasm:opcode:select(arg0: i32):before {
    report var picked: u32;
    picked = picked + (arg0 != 0) as u32;
}
