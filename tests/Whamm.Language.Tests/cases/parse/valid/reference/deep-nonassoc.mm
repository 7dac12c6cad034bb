// modelled on core_suite/deep-predicate/deep-nonassoc.mm: a long left-leaning chain
wasm:opcode:*:before / fid - 1 - 2 - 3 - 4 - 5 - 6 - 7 - 8 - 9 - 10 - 11 - 12 - 13 - 14 - 15 - 16 - 17 - 18 - 19 - 20 - 21 - 22 - 23 - 24 - 25 - 26 - 27 - 28 - 29 - 30 == 0 / {
    report var x: i32;
    x = 1;
}
