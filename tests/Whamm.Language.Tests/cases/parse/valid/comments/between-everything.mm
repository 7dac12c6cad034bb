var /* a */ x /* b */ : /* c */ i32 /* d */ = /* e */ 1 /* f */ ;
wasm:opcode:nop:before / /* pred */ x == 1 /* end */ / {
    x /* g */ ++ ;
}
