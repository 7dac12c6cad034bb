wasm:func:* { }
wasm:block:* { }
