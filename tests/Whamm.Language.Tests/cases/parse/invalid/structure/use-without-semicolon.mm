use lib
wasm:begin { }
