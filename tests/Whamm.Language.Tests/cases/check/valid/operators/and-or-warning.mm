// `&&` binds tighter than `||`; mixing them without parentheses warns (DECISIONS 1).
wasm:opcode:call:before / fid == 1 || fid == 2 && pc == 3 / { }
