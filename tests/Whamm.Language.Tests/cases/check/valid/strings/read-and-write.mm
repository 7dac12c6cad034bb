wasm:opcode:call(arg0: i32, arg1: u32):before {
    var s: str = read_str(APP_MEMID, arg0, arg1);
    var p: i32 = whamm_core.mem_alloc(s.len() as i32);
    write_str(memid(whamm_core), p, s);
    whamm_core.puts(p, s.len() as i32);
    whamm_core.mem_free(p);
}
