// @init at global scope is a plain call at start-up; the probe sees its effect.
use counter;
@init counter.add(40);
var seen: i32;
wasm:opcode:call:before { counter.inc(); seen = counter.get(); }
