// Count calls to proc_exit and report them on the way out.
report var exits: u32;

wasm:opcode:call:before / target_imp_module == "wasi_snapshot_preview1" && target_fn_name == "proc_exit" / {
    exits++;
}
