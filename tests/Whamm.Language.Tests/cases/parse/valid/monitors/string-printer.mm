// Print the name of every function entered, through the core library.
fn print(s: str) {
    var ptr: i32 = whamm_core.mem_alloc(s.len() as i32);
    write_str(memid(whamm_core), ptr, s);
    whamm_core.puts(ptr, s.len() as i32);
    whamm_core.mem_free(ptr);
}

wasm:func:entry {
    print(fname);
    whamm_core.putc(10);
}
