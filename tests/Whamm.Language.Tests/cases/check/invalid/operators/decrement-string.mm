var s: str;
wasm:begin { s--; }
