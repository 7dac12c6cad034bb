wasm:opcode:i32.add(arg0: i32, arg1: i32):before {
    var r: i64 = arg0 as i64 * 2 + arg1 as i64;
    var ok: bool = arg0 as u32 > 10 == true;
}
