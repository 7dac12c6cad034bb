var x: u32;
var y: i64;
wasm:begin {
    x = (x & 0xFF) | (x ^ 0x0F);
    x = x << 2 >> 1;
    y = ~y & (y | 1);
}
