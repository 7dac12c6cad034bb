// Functions read and write script globals; a unit function with an early return.
var calls: u32;
var big: u32;
var limit: u32 = 5;
fn note(v: i32) {
    calls++;
    if (v < limit as i32) { return; }
    big++;
}
wasm:opcode:call(arg0: i32):before { note(arg0); }
