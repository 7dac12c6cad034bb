// table.fill with a ref.func two instructions back (the count is pushed in between) sets entries 1..3.
report var fids: map<i32, i32>;
wasm:opcode:call_indirect(arg0: i32):before { fids[arg0] = resolved_fid; }
