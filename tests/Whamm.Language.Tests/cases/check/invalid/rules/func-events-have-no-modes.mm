wasm:func:entry:before { }
