// An unshared variable keeps its value across visits of its site, separately per site.
var first_visits: u32;
var visits: u32;
wasm:opcode:call:before {
    unshared var seen: bool;
    if (!seen) { first_visits++; }
    seen = true;
    visits++;
}
