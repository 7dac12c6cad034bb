// A str global is an (address, length) pair; a tuple is flattened; both report as a whole.
report var name: str = "whamm";
report var pair: (u32, i64, bool) = (7, -9, true);
report var nested: (u8, (i32, str));
wasm:opcode:call:before {
    pair.0 = pair.0 + 1;
    nested.1.0 = nested.1.0 - 1;
    nested.1.1 = "calls";
    nested.0 = 255;
}
