// §4.2: self-removing coverage probe via the engine's dyninstr library
use dyninstr;

var covered: map<u32, bool>;
wasm:block:start {
    covered[pc] = true;
    dyninstr.remove_probe(probe_id);
}
