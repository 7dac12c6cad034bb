// unshared/report initializers run once per match site: static values only.
wasm:opcode:call:before {
    unshared var site: u32 = fid * 1000 + pc;
    report var callee: u32 = imm0;
    unshared var where: str = fname;
    unshared var name_len: u32 = target_fn_name.len();
    unshared var start: u32 = 7;
    site++;
}
