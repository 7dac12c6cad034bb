// A mistake in a glob probe is reported once, not once per matched event.
wasm:opcode:*:before {
    var s: str = fid;
}
