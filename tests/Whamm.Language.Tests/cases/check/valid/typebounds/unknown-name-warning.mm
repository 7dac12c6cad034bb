// local.set has one operand; a bound on arg3 keeps no event.
wasm:opcode:local.set(arg3: i64):before { }
