// Calls per function name.
var calls: map<str, i32>;

wasm:func:entry / fname != "" / {
    calls[fname]++;
}
