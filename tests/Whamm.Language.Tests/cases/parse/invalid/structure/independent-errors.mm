// one run reports every independent error
var a: i32 = ;

wasm:opcode:call:before {
    var b: i32 = 1
}

wasm:opcode:br:before / fid == / {
    report report var c: u32;
}

wasm:opcode:br_if:before {
    var arg0: i32;
    x = 0x;
}

fn f(a: int) -> i32 {
    return a +;
}
