// fname methods at func:entry: `alpha` and `alphabet` start with "alpha"; "" is a prefix, suffix and part of every name.
var alpha_entries: u32;
var empty_needle: u32;
var not_beta: u32;
var name_bytes: u32;
wasm:func:entry / fname.starts_with("alpha") / { alpha_entries++; }
wasm:func:entry / fname.contains("") && fname.ends_with("") / { empty_needle++; }
wasm:func:entry / !fname.contains("bet") / { not_beta++; }
wasm:func:entry { name_bytes = name_bytes + fname.len(); }
