var by_name: map<str, u32>;
var names: map<u32, str>;
wasm:opcode:call:before {
    by_name[target_fn_name]++;
    names[imm0] = target_fn_name;
}
