// Which functions ran at least once.
var covered: map<u32, bool>;
report var distinct: u32;

wasm:func:entry {
    if (!covered[fid]) {
        covered[fid] = true;
        distinct++;
    }
}
