// §1.10: methods on str values
wasm:opcode:call:before / target_fn_name.starts_with("__") == false && !target_fn_name.ends_with("_impl") / {
    report unshared var named: u32;
    if (fname.contains("main")) {
        named++;
    }
    var l: u32 = fname.len();
    var a: u32 = fname.addr();
}
