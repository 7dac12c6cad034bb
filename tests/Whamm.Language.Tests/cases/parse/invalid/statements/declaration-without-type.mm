// the docs' `report var count;` is not a declaration: the type is required
report var count;
wasm:begin { }
