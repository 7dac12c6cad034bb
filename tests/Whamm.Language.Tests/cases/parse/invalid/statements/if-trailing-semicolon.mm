// the docs show `};` after if statements; the grammar rejects it
wasm:begin {
    var x: i32;
    if (x == 1) {
        x = 2;
    };
}
