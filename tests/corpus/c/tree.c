// Pointer-heavy workloads with malloc/free: an AVL tree (insert, delete, in-order walk),
// a singly linked list (build, reverse, merge sort) and binary-trees style allocation churn.
// usage: tree [N]   (default 20000)
#include <stdio.h>
#include <stdlib.h>

typedef struct Node { int key, height; long value; struct Node *left, *right; } Node;

static int h(Node *n) { return n ? n->height : 0; }
static int max(int a, int b) { return a > b ? a : b; }
static void fix(Node *n) { n->height = 1 + max(h(n->left), h(n->right)); }
static Node *rot_right(Node *y) { Node *x = y->left; y->left = x->right; x->right = y; fix(y); fix(x); return x; }
static Node *rot_left(Node *x) { Node *y = x->right; x->right = y->left; y->left = x; fix(x); fix(y); return y; }
static Node *balance(Node *n) {
    fix(n);
    int bf = h(n->left) - h(n->right);
    if (bf > 1) { if (h(n->left->left) < h(n->left->right)) n->left = rot_left(n->left); return rot_right(n); }
    if (bf < -1) { if (h(n->right->right) < h(n->right->left)) n->right = rot_right(n->right); return rot_left(n); }
    return n;
}
static Node *insert(Node *n, int key, long value) {
    if (!n) { n = malloc(sizeof *n); n->key = key; n->value = value; n->height = 1; n->left = n->right = NULL; return n; }
    if (key < n->key) n->left = insert(n->left, key, value);
    else if (key > n->key) n->right = insert(n->right, key, value);
    else { n->value += value; return n; }
    return balance(n);
}
static Node *remove_min(Node *n, Node **min) {
    if (!n->left) { *min = n; return n->right; }
    n->left = remove_min(n->left, min);
    return balance(n);
}
static Node *erase(Node *n, int key) {
    if (!n) return NULL;
    if (key < n->key) n->left = erase(n->left, key);
    else if (key > n->key) n->right = erase(n->right, key);
    else {
        Node *l = n->left, *r = n->right;
        free(n);
        if (!r) return l;
        Node *m;
        r = remove_min(r, &m);
        m->left = l; m->right = r;
        return balance(m);
    }
    return balance(n);
}
static void walk(Node *n, long *count, unsigned long long *hash, int *prev, int *ordered) {
    if (!n) return;
    walk(n->left, count, hash, prev, ordered);
    if (n->key <= *prev) *ordered = 0;
    *prev = n->key; (*count)++; *hash = *hash * 1000003u + (unsigned)n->key + (unsigned long long)n->value;
    walk(n->right, count, hash, prev, ordered);
}
static void destroy(Node *n) { if (n) { destroy(n->left); destroy(n->right); free(n); } }

typedef struct Item { int v; struct Item *next; } Item;
static Item *merge(Item *a, Item *b) {
    Item head, *t = &head;
    while (a && b) { if (a->v <= b->v) { t->next = a; a = a->next; } else { t->next = b; b = b->next; } t = t->next; }
    t->next = a ? a : b;
    return head.next;
}
static Item *list_sort(Item *l) {
    if (!l || !l->next) return l;
    Item *slow = l, *fast = l->next;
    while (fast && fast->next) { slow = slow->next; fast = fast->next->next; }
    Item *r = slow->next; slow->next = NULL;
    return merge(list_sort(l), list_sort(r));
}

typedef struct T { struct T *l, *r; } T;
static T *make(int d) { T *t = malloc(sizeof *t); if (d > 0) { t->l = make(d - 1); t->r = make(d - 1); } else t->l = t->r = NULL; return t; }
static int check(T *t) { int c = 1; if (t->l) c += check(t->l) + check(t->r); free(t); return c; }

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 20000;
    if (n <= 0) { fprintf(stderr, "bad size\n"); return 2; }
    Node *root = NULL;
    unsigned s = 1;
    for (int i = 0; i < n; i++) { s = s * 1103515245u + 12345u; root = insert(root, (int)((s >> 8) % (unsigned)(n * 4)), i); }
    for (int i = 0; i < n; i += 2) root = erase(root, i * 2);
    long count = 0; unsigned long long hash = 0; int prev = -1, ordered = 1;
    walk(root, &count, &hash, &prev, &ordered);
    printf("avl n=%d size=%ld height=%d ordered=%d hash=%016llx\n", n, count, h(root), ordered, hash);
    destroy(root);

    Item *list = NULL;
    for (int i = 0; i < n; i++) { Item *it = malloc(sizeof *it); s = s * 1664525u + 1013904223u; it->v = (int)(s >> 12); it->next = list; list = it; }
    list = list_sort(list);
    int sorted = 1; long len = 0; unsigned long long lh = 0;
    for (Item *it = list; it; it = it->next) { len++; lh = lh * 31 + (unsigned)it->v; if (it->next && it->next->v < it->v) sorted = 0; }
    Item *rev = NULL;
    while (list) { Item *nx = list->next; list->next = rev; rev = list; list = nx; }
    printf("list len=%ld sorted=%d hash=%016llx head=%d\n", len, sorted, lh, rev ? rev->v : -1);
    while (rev) { Item *nx = rev->next; free(rev); rev = nx; }

    long nodes = 0;
    for (int d = 4; d <= 12; d += 2) for (int k = 0; k < (1 << (12 - d)); k++) nodes += check(make(d));
    printf("binary-trees nodes=%ld\n", nodes);
    return 0;
}
