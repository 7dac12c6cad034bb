WASM:OpCode:CALL:Before { }
Wasm:FUNC:Entry { }
