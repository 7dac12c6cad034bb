fn is_alloc(name: str) -> bool {
    return name == "malloc" || name == "calloc" || name.starts_with("alloc");
}
wasm:opcode:call:before / is_alloc(target_fn_name) / { }
