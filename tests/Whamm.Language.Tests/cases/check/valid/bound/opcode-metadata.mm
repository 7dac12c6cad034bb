var by_category: map<u32, u32>;
var by_name: map<str, u32>;
wasm:opcode:*:before {
    by_category[category_id]++;
    by_name[opname]++;
    var code: u16 = bytecode;
    var cat: str = category_name;
}
