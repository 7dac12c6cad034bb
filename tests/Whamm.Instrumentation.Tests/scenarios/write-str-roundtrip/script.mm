// write_str into the application's memory (the program reads it back) and into a buffer of ours from mem_alloc
// (printed with puts, then freed): the pattern of reference §1.10.
var seen: u32;
var bytes_sum: u32;
wasm:opcode:call(arg0: i32):before / imm0 == 0 / {
    if (seen == 0) { write_str(APP_MEMID, 400, "xyz"); }
    seen++;
    bytes_sum = bytes_sum + arg0 as u32;
    var p: i32 = whamm_core.mem_alloc(16);
    write_str(memid(whamm_core), p, "from whamm\n");
    whamm_core.puts(p, 11);
    whamm_core.mem_free(p);
}
