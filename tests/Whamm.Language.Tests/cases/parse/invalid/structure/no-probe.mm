// reference §1.1: a file with only a global declaration is a parse error
var count: map<i32, i32>;
