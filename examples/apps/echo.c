// Writes two lines with POSIX write(): the argument-logging monitor prints the
// descriptor, the length and the result of each call.
#include <string.h>
#include <unistd.h>

static void say(const char *text) {
    write(1, text, strlen(text));
}

int main(void) {
    say("hello\n");
    say("from C\n");
    return 0;
}
