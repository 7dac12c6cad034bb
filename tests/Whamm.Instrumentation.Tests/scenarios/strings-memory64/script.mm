// A 64-bit memory (memory 1): its pointers are zero-extended i32s for read_str, write_str and memcpy.
var sixty_four: u32;
var checked: u32;
wasm:opcode:call(arg0: i32, arg1: i32):before / imm0 == 0 / {
    var s: str = read_str(1, arg1, arg0 as u32);
    if (s == "sixty-four") { sixty_four++; }
    memcpy(1, 24, 0, 4, 1);
    write_str(1, 100, s);
}
wasm:opcode:call(arg0: i32):before / imm0 == 2 / { checked = checked + arg0 as u32; }
