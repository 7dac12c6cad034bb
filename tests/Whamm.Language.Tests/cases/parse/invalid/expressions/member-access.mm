wasm:begin {
    var t: (i32, i32);
    var a: i32 = t.x;
    var b: i32 = t.;
    var c: i32 = t.1e3;
    var d: u32 = fname.len;
}
