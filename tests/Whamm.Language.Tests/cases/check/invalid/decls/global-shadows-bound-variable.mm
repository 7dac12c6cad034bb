// The probe would not know whether fid is the global or the event's.
var fid: u32;
wasm:opcode:call:before { }
