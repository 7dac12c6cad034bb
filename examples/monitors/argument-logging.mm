// Argument logging: print the arguments and result of every call to `write`
// (an i32 file descriptor, an i32 pointer and an i32 length) with the core
// library's printing functions.

wasm:opcode:call(arg0: i32, arg1: i32, arg2: i32):before / target_fn_name == "write" / {
    whamm_core.putc(40);            // (
    whamm_core.puti32(arg2);
    whamm_core.putc(44);            // ,
    whamm_core.puti32(arg1);
    whamm_core.putc(44);
    whamm_core.puti32(arg0);
    whamm_core.putc(41);            // )
}

wasm:opcode:call(res0: i32):after / target_fn_name == "write" / {
    whamm_core.putc(61);            // =
    whamm_core.puti32(res0);
    whamm_core.putc(10);            // newline
}
