// pass application memory to a library via memcpy
use sink;
wasm:opcode:call(arg0: i32, arg1: i32):before / target_fn_name == "fd_write" / {
    var buf: i32 = whamm_core.mem_alloc(arg0);
    memcpy(APP_MEMID, arg1 as u32, memid(whamm_core), buf as u32, arg0 as u32);
    sink.consume(buf, arg0);
    whamm_core.mem_free(buf);
}
