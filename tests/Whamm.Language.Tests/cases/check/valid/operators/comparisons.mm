var f: f64;
var s: str;
var b: bool;
wasm:opcode:call:before / fid >= 1 && fid <= 10 && pc != 0 / {
    b = f < 1.5 || f > 2.5 || f == 0;
    b = s == "main" || s != fname;
    b = b == true;
}
