wasm:opcode:call(arg0: i32, arg1: i32):before / target_fn_name == "write" / {
    whamm_core.puts(0, 0);
    whamm_core.puti32(arg0);
    whamm_core.putc(44);
    whamm_core.puti32(arg1);
    whamm_core.putc(10);
}
