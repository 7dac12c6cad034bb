var a: unknown;
wasm:begin { }
