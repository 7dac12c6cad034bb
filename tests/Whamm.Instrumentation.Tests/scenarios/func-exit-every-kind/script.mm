var entries: u32;
var exits: u32;
var returns: u32;
wasm:func:entry { entries++; }
wasm:func:exit { exits++; }
wasm:opcode:return:before { returns++; }
