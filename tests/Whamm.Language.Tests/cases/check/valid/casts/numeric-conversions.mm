wasm:opcode:call:before {
    var a: u8 = fid as u8;
    var b: i64 = pc as i64;
    var c: f32 = fid as f32;
    var d: f64 = c as f64;
    var e: u32 = d as u32;
    var f: i16 = e as i16;
}
