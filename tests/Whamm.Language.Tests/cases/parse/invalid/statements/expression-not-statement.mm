var m: map<i32, i32>;
var x: i32;
wasm:begin {
    x + 1;
    5;
    "text";
    m[1];
    x == 2;
}
