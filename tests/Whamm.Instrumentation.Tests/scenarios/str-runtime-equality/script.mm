// `==`/`!=` on strings that are only known at run time compare their bytes.
var last: str;
var repeats: u32;
var changes: u32;
var to_b: u32;
wasm:opcode:call:before {
    var now: str = target_fn_name;
    if (now == last) { repeats++; }
    if (last != now) { changes++; }
    if (now == "b" && last != "") { to_b++; }
    last = now;
}
