use counter;
// §1.9: a call returning a value, used as a statement: the result is dropped
wasm:opcode:call:before {
    counter.increment();
    var v: i32 = counter.increment();
}
