var a: bool;
var b: bool;
var c: bool;
var d: bool;
wasm:begin {
    a = a && b || c && d;
    a = (a && b) || (c && d);
    a = a || b || c && d;
}
