// Functions whose references are taken.
var taken: map<i32, i32>;
wasm:opcode:ref.func:before {
    taken[resolved_fid]++;
}
