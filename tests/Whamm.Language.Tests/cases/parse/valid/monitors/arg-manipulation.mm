// Doubles the size passed to every memset.
wasm:opcode:call(arg0: i32):before / target_fn_name == "memset" && target_fn_type == "import" / {
    arg0 = arg0 * 2;
}
