// One library instance serves every @static call of a run: next() numbers the sites 1, 2, 3.
use counter;
report var ids: u32;
wasm:opcode:call:before {
    report unshared var id: i32 = @static counter.next();
    ids = ids * 10 + id as u32;
}
