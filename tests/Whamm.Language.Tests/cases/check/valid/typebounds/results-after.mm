wasm:opcode:call(res0: i64):after / res0 < 0 / { }
