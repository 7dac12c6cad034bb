var to_add: u32;
var to_sub: u32;
var local_calls: u32;
var imports: u32;
wasm:opcode:call:before / target_fn_name == "add" / { to_add++; }
wasm:opcode:call:before / target_fn_name == "sub" && target_imp_module == "" / { to_sub++; }
wasm:opcode:call:before / target_fn_type == "local" / { local_calls++; }
wasm:opcode:call:before / target_fn_type == "import" / { imports++; }
