// Allocates 25 blocks, keeps them, and counts how many allocations failed: run
// under the fault-injection monitor, the 10th and the 20th malloc return NULL.
#include <stdio.h>
#include <stdlib.h>

static char *blocks[25];

int main(void) {
    int ok = 0;
    for (int i = 0; i < 25; i++) {
        blocks[i] = malloc(16 + i);
        if (blocks[i] != NULL) {
            blocks[i][0] = (char)i;
            ok++;
        }
    }
    printf("%d of 25 allocations succeeded\n", ok);
    for (int i = 0; i < 25; i++) free(blocks[i]);
    return 0;
}
