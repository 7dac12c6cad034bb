// §1.10/§1.13: strings read out of the application's memory
wasm:opcode:call(arg0: i32, arg1: i32):before / target_fn_name == "puts" / {
    var text: str = read_str(APP_MEMID, arg1, arg0 as u32);
    if (strcmp((arg1, arg0), "hello")) {
        report unshared var hellos: u32;
        hellos++;
    } elif (strcontains((arg1, arg0), "world")) {
        return;
    }
}
