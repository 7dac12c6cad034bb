use ;
wasm:begin { }
