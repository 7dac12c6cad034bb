// DECISIONS 1: && binds tighter than ||; mixing without parentheses warns
var a: bool;
var b: bool;
var c: bool;
wasm:opcode:call:before / a || b && c / {
    a = b && c || a;
}
