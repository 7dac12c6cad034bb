var x: i32;
wasm:opcode:call:before {
    if (x == 0) {
        x = 1;
    } elif (x == 1) {
        x = 2;
    } elif (x == 2) {
        x = 3;
    } else {
        x = 0;
    }
    if (x > 10) {
        x = 10;
    }
    if (x < 0) { x = 0; } else { }
}
