// table.init from a passive segment copies the segment's function indices into the shadow. target_funcref is the
// entry itself (read with table.get, guarded against an out-of-bounds index).
report var fids: map<i32, i32>;
wasm:opcode:call_indirect(arg0: i32):before { fids[arg0] = resolved_fid; }
wasm:opcode:table.get(arg0: i32):before { var f: funcref = target_funcref; fids[arg0] = resolved_fid; }
