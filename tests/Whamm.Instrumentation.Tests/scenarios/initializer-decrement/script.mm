var down: i32 = 10;
var flag: bool;
var f: f32 = 0.5;
wasm:opcode:call:before { down--; flag = !flag; f = f * 2.0; }
