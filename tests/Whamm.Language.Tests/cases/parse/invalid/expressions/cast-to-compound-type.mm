wasm:begin {
    var x: i32;
    var t: (i32, i32) = x as (i32, i32);
    var m: i32 = x as map<i32, i32>;
}
