// An incompatible bound excludes every event: a warning, not an error.
wasm:opcode:i32.add(arg0: i64):before { }
