// §1.5: an alt probe supplies the replaced instruction's result with `return`
var count: i32;
wasm:opcode:call:alt / arg0 == 0 / {
    count = 5;
    return 1;
}
