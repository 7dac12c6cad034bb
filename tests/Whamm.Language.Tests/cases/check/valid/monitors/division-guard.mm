report var prevented: u32;
wasm:opcode:i32.div_s|i32.div_u|i32.rem_s|i32.rem_u(arg0: i32):before / arg0 == 0 / {
    prevented++;
    arg0 = 1;
}
