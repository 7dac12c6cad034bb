// Stack operands are assignable: the instruction sees the new value.
wasm:opcode:i32.div_s:before / arg0 == 0 / {
    arg0 = 1;
}
wasm:opcode:call(arg0: i32):before / target_fn_name == "memset" / {
    arg0 = arg0 * 2;
}
