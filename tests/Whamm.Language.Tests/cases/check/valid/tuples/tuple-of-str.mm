var last_call: (str, u32);
wasm:opcode:call:before {
    last_call = (target_fn_name, imm0);
}
