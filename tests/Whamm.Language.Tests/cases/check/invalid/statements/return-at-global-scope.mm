return;
wasm:begin { }
