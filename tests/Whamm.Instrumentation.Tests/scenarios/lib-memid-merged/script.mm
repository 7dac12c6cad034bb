// memid(lib) is the index of the library memory in the instrumented module (imported or merged).
use store;
var lib_mem: u32 = memid(store);
var core_mem: u32 = memid(whamm_core);
var peeks: i32;
wasm:opcode:call:before { peeks = peeks + store.peek(0); }
