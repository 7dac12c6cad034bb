use math;
wasm:opcode:call:before {
    var x: i32 = math.add(math.mul(2, 3), math.neg(fid as i32));
}
