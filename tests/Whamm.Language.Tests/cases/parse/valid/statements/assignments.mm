var x: i32;
var m: map<i32, i32>;
var t: (i32, (i32, i32));
wasm:opcode:call:before {
    x = 1;
    m[x] = x * 2;
    t.0 = 5;
    t.1.0 = 6;
    t.1 = (7, 8);
    t = (1, (2, 3));
}
