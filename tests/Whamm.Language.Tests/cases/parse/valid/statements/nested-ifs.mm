wasm:opcode:br_if(arg0: i32):before {
    if (arg0 > 0) {
        if (arg0 > 10) {
            if (arg0 > 100) {
                return;
            }
        } elif (arg0 == 5) {
            if (fid == 0) { }
        }
    }
}
