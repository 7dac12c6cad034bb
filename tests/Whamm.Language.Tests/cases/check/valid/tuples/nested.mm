var t: (u8, (u16, (u32, bool)));
wasm:begin {
    t.1.1.0 = 5;
    t.1.1.1 = !t.1.1.1;
    var inner: (u32, bool) = t.1.1;
}
