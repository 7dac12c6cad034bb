fn sign(x: i32) -> i32 {
    if (x < 0) {
        return -1;
    } elif (x == 0) {
        return 0;
    } else {
        return 1;
    }
}
wasm:begin { var s: i32 = sign(-5); }
