var m: map<i32, i32>;
var tm: map<(i32, i32), i32>;
var mm: map<u32, map<u32, u32>>;
var sm: map<str, i32>;
wasm:opcode:call:before {
    m[1] = 2;
    var x: i32 = m[1] + m[m[1]];
    tm[(fid as i32, pc as i32)] = x;
    mm[fid][pc] = 1;
    sm["key"] = sm["key"] + 1;
}
