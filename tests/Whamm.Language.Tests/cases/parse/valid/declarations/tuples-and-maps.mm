var t0: ();
var t1: (i32);
var t2: (i32, i32);
var t3: (u8, (i32, i64), bool);
var m1: map<i32, i32>;
var m2: map<(i32, i32), u32>;
var m3: map<u32, map<u32, u32>>;
var m4: map<str, (i32, bool)>;
var m5: map<u32, map<u32, map<u32, u32>>>;
wasm:begin { }
