var a: bool;
var b: bool;
var c: bool;
wasm:begin / a && b && c || (a || b) && c / {
    a = !b;
    a = !!b;
    a = (a || b) && c;
    a = a && (b || c);
    a = !(a && b);
}
