// §1.10: the typical string pattern
wasm:func:entry {
    var s: str = fname;
    var ptr: i32 = whamm_core.mem_alloc(s.len() as i32);
    write_str(memid(whamm_core), ptr, s);
    whamm_core.puts(ptr, s.len() as i32);
    whamm_core.mem_free(ptr);
}
