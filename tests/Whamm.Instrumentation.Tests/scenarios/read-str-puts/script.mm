// read_str copies bytes of the application's memory into ours (allocated with mem_alloc); the copy prints with
// whamm_core.puts and compares as a string.
var firsts: u32;
var total: u32;
wasm:opcode:call(arg0: i32, arg1: i32):before / imm0 == 0 / {
    var s: str = read_str(APP_MEMID, arg1, arg0 as u32);
    whamm_core.puts(s.addr(), s.len());
    whamm_core.putc(10);
    if (s == "first") { firsts++; }
    total = total + s.len();
}
