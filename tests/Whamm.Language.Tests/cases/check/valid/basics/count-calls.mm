// Count every call and remember how often each function calls out.
report var calls: u32;
var by_caller: map<u32, u32>;

wasm:opcode:call:before {
    calls++;
    by_caller[fid]++;
}
