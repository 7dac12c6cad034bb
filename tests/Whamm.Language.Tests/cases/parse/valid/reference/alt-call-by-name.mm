// §2.5: redirect calls by name
wasm:opcode:call:alt / target_fn_name == "malloc" && target_fn_type == "import" / {
    alt_call_by_name("my_malloc");
}
wasm:opcode:call:alt / imm0 == 3 / {
    alt_call_by_id(4);
}
