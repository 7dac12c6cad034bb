var seen: i32;
wasm:opcode:call:alt / target_fn_name == "add" / { alt_call_by_name("sub"); }
wasm:opcode:global.set(arg0: i32):before { seen = seen + arg0; }
