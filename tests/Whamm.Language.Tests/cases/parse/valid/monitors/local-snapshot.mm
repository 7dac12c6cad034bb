// The first two locals of every function at entry.
wasm(local0: i32, local1: i32):func:entry {
    report unshared var first_local0: i32;
    report unshared var first_local1: i32;
    first_local0 = local0;
    first_local1 = local1;
}
