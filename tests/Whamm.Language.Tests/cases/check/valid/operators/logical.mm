wasm:opcode:br_if:before / !(arg0 == 0) && (pc > 5 || fid == 1) / {
    var taken: bool = arg0 != 0;
    var odd: bool = !taken || (taken && pc % 2 == 1);
}
