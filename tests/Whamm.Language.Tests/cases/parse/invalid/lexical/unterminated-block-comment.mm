wasm:begin {
}
/* this comment
   never ends
