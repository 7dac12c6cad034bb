wasm::br_if:before { }
wasm:::alt { }
