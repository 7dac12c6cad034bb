fn setup() { }
setup();
wasm:begin { }
