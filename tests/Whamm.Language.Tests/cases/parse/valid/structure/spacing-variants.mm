var   x  :  i32   =   1   ;
wasm:opcode:call:before{x++;}
wasm:opcode:call:after
{
    x
        =
            x
                +
                    1
    ;
}
