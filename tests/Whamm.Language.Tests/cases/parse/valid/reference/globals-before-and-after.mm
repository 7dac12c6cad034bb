// §1.1: global statements before and after probes, collected in source order
var a: i32 = 1;
wasm:opcode:nop:before {
    a++;
}
var b: i32 = 2;
a = b * 3;
wasm:opcode:drop:before {
    b--;
}
