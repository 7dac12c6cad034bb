wasm:opcode:nop:before {
    var f: u32 = fid;
    var p: u32 = pc;
    var i: u32 = opidx;
    var end: bool = at_func_end;
    var name: str = fname;
}
