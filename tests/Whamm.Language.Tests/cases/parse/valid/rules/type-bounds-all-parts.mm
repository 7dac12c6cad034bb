wasm(local0: i32):opcode(local1: i64):call(arg0: i32, arg1: f64):before(res0: i32) {
}
