wasm:begin { }
wasm:end { }
wasm:report { }
wasm:func:entry { }
wasm:func:exit { }
wasm:block:start { }
wasm:block:end { }
