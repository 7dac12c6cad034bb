// drop_args belongs to opcode events, not function events.
wasm:func:entry { drop_args(); }
