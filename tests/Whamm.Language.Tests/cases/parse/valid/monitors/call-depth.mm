// Maximum call depth, maintained at function entry and exit.
var depth: i32;
report var max_depth: i32;

wasm:func:entry {
    depth++;
    max_depth = depth > max_depth ? depth : max_depth;
}

wasm:func:exit {
    depth--;
}
