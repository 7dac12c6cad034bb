fn init() -> u32 { return 1; }
var x: u32 = init();
wasm:begin { }
