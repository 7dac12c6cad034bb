fn f() { return 1; }
wasm:begin { }
