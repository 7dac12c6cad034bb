// Strings inside nested tuples: assigned, compared and measured through field access, and reported.
report var t: (u32, (str, bool));
report var lens: map<(u32, str), u32>;
var matches: u32;
wasm:opcode:call:before {
    t.0 = t.0 + 1;
    t.1.0 = target_fn_name;
    t.1.1 = t.1.0 == "bb";
    if (t.1.1 && t.1.0.len() == 2) { matches++; }
    lens[(t.0, t.1.0)] = t.1.0.len();
}
