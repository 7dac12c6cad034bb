// Trace every load and store: address, size, direction.
use tracer;

wasm:opcode:*load*(arg0: u32):before {
    tracer.record(fid as i32, pc as i32, effective_addr as i32, data_size as i32, 0);
}

wasm:opcode:*store*:before {
    tracer.record(fid as i32, pc as i32, effective_addr as i32, data_size as i32, 1);
}
