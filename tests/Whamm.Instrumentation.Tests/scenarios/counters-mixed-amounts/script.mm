// Amounts other than one, subtraction, 32- and 64-bit globals, folded per-site amounts, through br_table to the
// function's label, return, return_call and if arms.
report var up: u32;
report var down: i64;
report var weighted: u64;
wasm:opcode:*:before { up = up + 3; down--; }
wasm:opcode:call:before { weighted = 2 + weighted; }
wasm:opcode:local.get:before { report var by_index: u32; by_index = by_index + (imm0 + 1); }
wasm:opcode:br_table:before { weighted = weighted - 1; }
