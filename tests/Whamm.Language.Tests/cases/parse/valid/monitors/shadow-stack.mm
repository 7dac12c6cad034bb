// A tiny shadow stack of function ids, by depth.
var stack: map<i32, u32>;
var top: i32;

wasm:func:entry {
    top++;
    stack[top] = fid;
}

wasm:func:exit {
    stack[top] = 0;
    top--;
}
