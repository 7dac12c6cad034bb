// Fault injection with `alt`: every tenth call to the imported `malloc` fails
// (returns 0) instead of running; the others call the original target again.

var mallocs: u32;
report var injected: u32;

wasm:opcode:call(arg0: i32):alt / target_fn_name == "malloc" && target_fn_type == "import" / {
    mallocs++;
    if (mallocs % 10 == 0) {
        injected++;
        return 0;
    }
    alt_call_by_id(imm0 as i32);
}
