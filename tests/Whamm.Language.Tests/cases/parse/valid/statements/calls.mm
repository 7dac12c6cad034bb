use lib;
wasm:opcode:call:before {
    drop_args();
    lib.go();
    lib.many(1, 2, 3, fid, pc);
    lib.nested(lib.inner(lib.deepest(1)));
    whamm_core.putc(65);
    @init lib.setup();
    var r: i32 = @static lib.value();
}
