// Engine-interface style block coverage that removes itself after the first hit.
use dyninstr;

wasm:block:start {
    report unshared var hit: bool;
    hit = true;
    dyninstr.remove_probe(probe_id);
}
