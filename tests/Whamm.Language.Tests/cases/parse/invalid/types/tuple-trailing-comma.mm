var t: (i32,);
wasm:begin { }
