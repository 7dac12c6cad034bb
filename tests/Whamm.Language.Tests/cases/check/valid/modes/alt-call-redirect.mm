wasm:opcode:call:alt / target_fn_name == "old" / {
    alt_call_by_name("new");
}
wasm:opcode:call:alt / imm0 == 3 / {
    alt_call_by_id(4);
}
