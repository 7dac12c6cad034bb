// Fault injection: make every 100th allocation fail.
var allocations: u32;

wasm:opcode:call(arg0: i32):alt / target_fn_name == "malloc" / {
    allocations++;
    if (allocations % 100 == 0) {
        drop_args();
        return 0;
    }
    alt_call_by_name("malloc");
}
