var depth: u32;
report var deepest: u32;
wasm:func:entry { depth++; deepest = depth > deepest ? depth : deepest; }
wasm:func:exit { depth--; }
