// Element segments written as expressions (ref.func, ref.null) and a second table; (table, entry) -> function.
report var fids: map<(u32, i32), i32>;
wasm:opcode:table.get(arg0: i32):before { fids[(imm0, arg0)] = resolved_fid; }
wasm:opcode:call_indirect(arg0: i32):before { fids[(imm1, arg0)] = resolved_fid + 100; }
