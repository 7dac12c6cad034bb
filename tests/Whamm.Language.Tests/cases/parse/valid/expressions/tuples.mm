var t: (i32, (i32, i32), bool);
var u: ();
wasm:begin {
    t = (1, (2, 3), true);
    var a: i32 = t.0;
    var b: i32 = t.1.0;
    var c: i32 = t.1.1;
    var d: bool = t.2;
    u = ();
    var e: (i32, i32) = (a + b, c * 2);
}
