// Fault injection with `alt`: every tenth call of `malloc` fails (returns 0,
// C's NULL) instead of running; the other calls run the original malloc.

var mallocs: u32;
report var injected: u32;

wasm:opcode:call(arg0: i32):alt / target_fn_name == "malloc" / {
    mallocs++;
    if (mallocs % 10 == 0) {
        injected++;
        return 0;
    }
    alt_call_by_id(imm0 as i32);
}
