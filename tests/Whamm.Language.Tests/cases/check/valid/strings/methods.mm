wasm:opcode:call:before / target_fn_name.starts_with("__") || target_fn_name.ends_with("_r") / {
    var n: u32 = fname.len();
    var a: u32 = "literal".addr();
    var has: bool = target_imp_module.contains("wasi");
}
