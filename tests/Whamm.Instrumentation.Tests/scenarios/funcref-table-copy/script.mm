// table.copy within a table (overlapping, like memmove) and between tables moves the shadow entries too.
report var in_a: map<u32, i32>;
report var in_b: map<u32, i32>;
wasm:opcode:call_indirect:before / imm1 == 0 / { in_a[arg0 as u32] = resolved_fid; }
wasm:opcode:call_indirect:before / imm1 == 1 / { in_b[arg0 as u32] = resolved_fid; }
