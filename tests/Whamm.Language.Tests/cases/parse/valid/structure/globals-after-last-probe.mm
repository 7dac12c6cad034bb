wasm:begin { }
var late: i32 = 5;
late = late + 1;
fn late_fn() { }
