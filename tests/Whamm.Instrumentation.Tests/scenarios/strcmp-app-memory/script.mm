// strcmp/strcontains read (addr, len) from the application's memory (DECISIONS 9), the literal from ours.
var equal: u32;
var contains: u32;
var empty: u32;
wasm:opcode:call(arg0: i32, arg1: i32):before / imm0 == 0 / {
    if (strcmp((arg1, arg0), "hello")) { equal++; }
    if (strcontains((arg1, arg0), "hello")) { contains++; }
    if (strcmp((arg1, arg0), "")) { empty++; }
}
