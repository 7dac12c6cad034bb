// whamm_core.* calls become calls of imports from whamm_core under --link-strategy imported.
wasm:opcode:call(arg0: i32):before { whamm_core.puti32(arg0); whamm_core.putc(10); }
wasm:end { whamm_core.putu64(12345678901); whamm_core.putc(10); }
