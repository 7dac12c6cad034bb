wasm:opcode:call:before / target_fn_name == "malloc" || target_fn_name == "free" / {
    var same: bool = fname == target_fn_name;
}
