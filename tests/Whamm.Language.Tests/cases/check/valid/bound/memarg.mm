var writes: map<u32, u64>;
wasm:opcode:i32.store:before / memory == 0 && is_write / {
    writes[effective_addr] = writes[effective_addr] + (data_size as u64);
    var o: u64 = offset;
    var a: u32 = align;
    var raw: u32 = addr;
}
