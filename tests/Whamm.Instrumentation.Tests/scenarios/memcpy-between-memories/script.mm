// memcpy between the application's two memories and into ours; memories by their ids (ours comes after the app's).
var copied: u32;
var last_arg: i32;
var ours_id: u32 = memid(whamm_core);
wasm:opcode:call(arg0: i32):before / imm0 == 0 / {
    last_arg = arg0;
    if (copied == 0) {
        memcpy(0, 32, 1, 8, 7);
        var p: i32 = whamm_core.mem_alloc(8);
        memcpy(APP_MEMID, 32, memid(whamm_core), p as u32, 7);
        whamm_core.puts(p, 7);
        whamm_core.putc(10);
    }
    copied++;
}
