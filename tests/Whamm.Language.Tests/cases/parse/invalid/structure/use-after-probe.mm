use first;
wasm:begin { }
use second;
