// String methods on static call-site names fold per site, so they decide which sites get code.
var helpers: u32;
var ends_sub: u32;
var has_sum: u32;
var long_names: u32;
wasm:opcode:call:before / target_fn_name.starts_with("helper_") / { helpers++; }
wasm:opcode:call:before / target_fn_name.ends_with("_sub") / { ends_sub++; }
wasm:opcode:call:before / target_fn_name.contains("sum") / { has_sum++; }
wasm:opcode:call:before / target_fn_name.len() > 10 / { long_names++; }
