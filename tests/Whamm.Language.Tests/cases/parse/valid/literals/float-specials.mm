wasm:begin {
    var a: f64 = inf;
    var b: f64 = -inf;
    var c: f64 = infinity;
    var d: f64 = -Infinity;
    var e: f64 = NaN;
    var f: f64 = nan;
    var g: f64 = -NaN;
    var h: f32 = INF;
}
