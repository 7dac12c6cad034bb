var return123: i32;
var mapping: i32;
var iffy: i32;
var variable: i32;
var use_count: i32;
var format: i32;
var asif: i32;
var true_count: i32;
var arg: i32;
var args0: i32;
var argx: i32;
var elsewhere: i32;
var i32: i32;
wasm:begin {
    mapping = return123 + iffy + variable + use_count + format + asif + true_count + arg + args0 + argx + elsewhere + i32;
}
