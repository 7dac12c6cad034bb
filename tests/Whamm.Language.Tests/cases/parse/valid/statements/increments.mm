var x: i32;
var m: map<i32, i32>;
var t: (i32, i32);
var mm: map<i32, map<i32, i32>>;
wasm:opcode:call:before {
    x++;
    x--;
    m[1]++;
    m[x + 1]--;
    t.0++;
    mm[1][2]++;
}
