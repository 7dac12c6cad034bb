wasm:opcode:call(arg0: bool):before / arg0 / { }
wasm:opcode:table.set(arg0: funcref):before { }
