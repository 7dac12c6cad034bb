) ] , =
wasm:begin { }
