var a: i32 = 1 + 2 * 3;
var t: (i32, bool) = (1, true);
var e: () = ();
var s: str = "init";
wasm:begin {
    var c: i32 = a > 0 ? a : -a;
}
