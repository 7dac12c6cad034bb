wasm:func:entry {
    var n: u32 = fname.len();
    var a: u32 = fname.addr();
    var b: bool = fname.starts_with("_") || fname.ends_with("_") || fname.contains("main");
    var c: u32 = "literal".len();
}
