wasm:opcode:i32.lt_u|i32.gt_u|i32.le_u|i32.ge_u(arg0: u32, arg1: u32):before {
    report unshared var equal_operands: u32;
    if (arg0 == arg1) {
        equal_operands++;
    }
}
