var on: bool = true;
var off: bool = false;
wasm:begin / on && !off / {
    on = off;
}
