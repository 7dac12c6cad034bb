// Tuple literals take their element types from the declared tuple type.
var origin: (u8, i64, f32) = (1, -1, 2);
var nested: (u16, (u8, bool)) = (300, (7, true));
wasm:begin { }
