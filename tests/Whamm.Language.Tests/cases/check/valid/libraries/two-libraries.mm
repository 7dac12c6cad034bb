use testlib;
use nomem;
wasm:opcode:call:before {
    var a: i32 = nomem.id(testlib.get_i32());
}
