// Strings read from the application at run time as map keys (the map keeps its own copy of each key).
report var requests: map<str, u32>;
report var methods: map<bool, u32>;
wasm:opcode:call(arg0: i32, arg1: i32):before / imm0 == 0 / {
    var line: str = read_str(APP_MEMID, arg1, arg0 as u32);
    requests[line]++;
    methods[line.starts_with("GET")]++;
}
