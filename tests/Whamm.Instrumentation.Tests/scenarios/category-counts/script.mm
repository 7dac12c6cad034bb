var consts: u32;
var arith: u32;
var control: u32;
var total: u32;
wasm:opcode:*:before { total++; if (category_id == 3) { consts++; } elif (category_id == 0) { arith++; } else { control++; } }
