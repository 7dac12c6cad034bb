// §1.6: an if statement at global scope parses (the type checker rejects it)
var x: i32 = 3;
if (x > 2) {
    x = 0;
}
wasm:begin { }
