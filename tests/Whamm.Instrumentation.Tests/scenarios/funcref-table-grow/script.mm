// table.grow (followed here, not in the reference): new entries take the ref.func pushed before the count;
// a failed grow changes nothing. table.get resolves like call_indirect.
report var called: map<u32, i32>;
var read: i32 = 7;
var grows: u32;
wasm:opcode:call_indirect(arg0: i32):before { called[arg0 as u32] = resolved_fid; }
wasm:opcode:table.get:before { read = resolved_fid; }
wasm:opcode:table.grow:before { grows++; }
