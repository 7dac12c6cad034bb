// @init runs once per matched site at start-up, however often the site runs.
use counter;
var sites: i32;
var fids: i32;
var runs: u32;
wasm:opcode:call:before {
    @init counter.register(fid as i32);
    runs++;
}
wasm:end { sites = counter.sites(); fids = counter.fids(); }
