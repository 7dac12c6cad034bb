wasm:begin {
    var a: bool;
    if (a) {
    } else {
    } elif (a) {
    }
}
