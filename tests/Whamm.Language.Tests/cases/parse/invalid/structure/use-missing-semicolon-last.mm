use a;
use b
