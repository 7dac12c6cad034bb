// Argument logging: for every call of a function named `write` (C's
// write(fd, buffer, length)), print `write(fd, length) = result` on stdout.
// The arguments are on the stack before the call: arg0 is the top (the
// length), arg2 the first parameter (the file descriptor).

wasm:opcode:call(arg0: i32, arg2: i32):before / target_fn_name == "write" / {
    whamm_core.putc(119); whamm_core.putc(114); whamm_core.putc(105);   // "wri"
    whamm_core.putc(116); whamm_core.putc(101); whamm_core.putc(40);    // "te("
    whamm_core.puti32(arg2);
    whamm_core.putc(44); whamm_core.putc(32);                           // ", "
    whamm_core.puti32(arg0);
    whamm_core.putc(41);                                                 // ")"
}

wasm:opcode:call(res0: i32):after / target_fn_name == "write" / {
    whamm_core.putc(32); whamm_core.putc(61); whamm_core.putc(32);      // " = "
    whamm_core.puti32(res0);
    whamm_core.putc(10);                                                 // newline
}
