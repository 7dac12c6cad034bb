var a: u32;
var b: u32;
var ok: bool;
wasm:begin {
    ok = (a & b) == b;
    ok = a & b == b;
    ok = a == b == ok;
    ok = !(a < b) && (a | b) != 0;
}
