// A user library with state, called at every call site and read at the end.
use counter;
var total: i32;
wasm:opcode:call:before { counter.inc(); }
wasm:opcode:call(arg0: i32):before { counter.add(arg0); }
wasm:end { total = counter.get(); }
