// Memory access trace: which addresses are read and written, and how many
// bytes move, per memory instruction kind.

report var reads: map<u32, u32>;
report var writes: map<u32, u32>;
report var bytes_read: u64;
report var bytes_written: u64;

wasm:opcode:*.load*:before {
    reads[effective_addr]++;
    bytes_read = bytes_read + (data_size as u64);
}

wasm:opcode:*.store*:before {
    writes[effective_addr]++;
    bytes_written = bytes_written + (data_size as u64);
}
