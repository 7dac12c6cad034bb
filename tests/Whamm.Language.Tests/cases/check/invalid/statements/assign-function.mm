fn f() { }
wasm:begin { f = 1; }
