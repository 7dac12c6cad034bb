// DECISIONS 2: unary minus on any numeric expression
var x: i32;
var y: f64;
wasm:begin {
    x = -x;
    x = -(x + 1);
    x = - 5;
    x = -x * -x;
    x = 3 - -x;
    y = -y / 2.0;
    x = -fid as i32;
    x = -(-x);
    x = x--1;
    x = -0x10;
}
