var calls: u32;
wasm:opcode:call:alt / target_fn_name == "malloc" && target_fn_type == "import" / {
    calls++;
    if (calls % 10 == 0) {
        drop_args();
        return 0;
    }
    alt_call_by_name("malloc");
}
