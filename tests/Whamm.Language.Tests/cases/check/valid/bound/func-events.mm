var depth: i32;
report var max_depth: i32;
wasm:func:entry {
    depth++;
    if (depth > max_depth) { max_depth = depth; }
}
wasm:func:exit { depth--; }
