use counter;

// §1.9: @init runs once per match site; at global scope it is a plain call
@init counter.setup(0);

wasm:opcode:call:before {
    @init counter.register(fid as i32, pc as i32);
    counter.hit(fid as i32);
}
