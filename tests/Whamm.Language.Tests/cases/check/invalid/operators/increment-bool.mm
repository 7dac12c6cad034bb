var flag: bool;
wasm:begin { flag++; }
