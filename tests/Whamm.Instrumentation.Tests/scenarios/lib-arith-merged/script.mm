// Library functions of every number type used as expressions.
use arith;
var sum: i32;
var product: i64;
var biggest: f32;
var root: f64;
wasm:opcode:call(arg0: i32, arg1: i32):before {
    sum = arith.add(sum, arith.add(arg0, arg1));
    product = arith.mul64(product + 1, 3);
    biggest = arith.fmax(biggest, arg1 as f32);
    root = arith.sqrt(root + 16.0);
}
