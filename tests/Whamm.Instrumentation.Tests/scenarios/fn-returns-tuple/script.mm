// A function returning a tuple (a multi-value result), stored and taken apart.
report var last: (u32, u32);
var quotients: u32;
var remainders: u32;
fn divmod(a: u32, b: u32) -> (u32, u32) {
    return (a / b, a % b);
}
wasm:opcode:call(arg0: i32, arg1: i32):before {
    var qr: (u32, u32) = divmod((arg1 as u32) + 100, 7);
    quotients = quotients + qr.0;
    remainders = remainders + qr.1;
    last = divmod(arg0 as u32, 3);
}
