wasm:begin {
    var a: f32 = 9.;
    var b: f32 = 0.25;
    var c: f32 = 6E1;
    var d: f64 = -3.0e22;
    var e: f64 = 1e-5;
    var f: f64 = -6E41;
    var g: f64 = 1_000.5;
    var h: f64 = 2.5E+10;
    var i: f64 = 1.e5;
    var j: f32 = 007.5;
}
