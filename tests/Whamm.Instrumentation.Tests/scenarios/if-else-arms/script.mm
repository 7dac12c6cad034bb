var then_entries: u32;
var else_entries: u32;
var then_exits: u32;
var else_exits: u32;
var if_afters: u32;
var else_afters: u32;
wasm:opcode:if:entry { then_entries++; }
wasm:opcode:else:entry { else_entries++; }
wasm:opcode:if:exit { then_exits++; }
wasm:opcode:else:exit { else_exits++; }
wasm:opcode:if:after { if_afters++; }
wasm:opcode:else:after { else_afters++; }
