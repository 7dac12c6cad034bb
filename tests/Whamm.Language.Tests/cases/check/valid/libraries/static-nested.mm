use testlib;
var cache: map<u32, i32>;
wasm:opcode:call:before {
    cache[fid] = @static testlib.add_i32(@static testlib.get_i32(), pc as i32);
}
