var a: i32;
var b: i32;
wasm:begin/a>b&&b>=0/{
    a=a+b*2-1;
    a=a<<1|b>>2&3^4;
    b=a<=b?a:b;
}
