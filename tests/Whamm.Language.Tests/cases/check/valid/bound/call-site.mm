var imports: map<str, u32>;
wasm:opcode:call:before / target_fn_type == "import" / {
    imports[target_fn_name]++;
    var module: str = target_imp_module;
    var callee: u32 = imm0;
}
