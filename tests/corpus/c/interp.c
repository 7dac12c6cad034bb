// A small stack-based bytecode interpreter (switch dispatch -> br_table) running a few programs.
// usage: interp [N]   (default 30000: sum of primes below N, computed in bytecode)
#include <stdio.h>
#include <stdlib.h>

enum { OP_PUSH, OP_LOAD, OP_STORE, OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD, OP_LT, OP_EQ,
       OP_JMP, OP_JZ, OP_DUP, OP_POP, OP_PRINT, OP_CALL, OP_RET, OP_HALT, OP_XOR, OP_SHL, OP_SHR, OP_AND };

typedef struct { long long stack[256]; long long vars[16]; int sp; long long steps; long long out; } VM;

static long long run(VM *vm, const int *code, int pc) {
    int callstack[64], csp = 0;
    for (;;) {
        vm->steps++;
        int op = code[pc++];
        switch (op) {
        case OP_PUSH: vm->stack[vm->sp++] = code[pc++]; break;
        case OP_LOAD: vm->stack[vm->sp++] = vm->vars[code[pc++]]; break;
        case OP_STORE: vm->vars[code[pc++]] = vm->stack[--vm->sp]; break;
        case OP_ADD: vm->sp--; vm->stack[vm->sp - 1] += vm->stack[vm->sp]; break;
        case OP_SUB: vm->sp--; vm->stack[vm->sp - 1] -= vm->stack[vm->sp]; break;
        case OP_MUL: vm->sp--; vm->stack[vm->sp - 1] *= vm->stack[vm->sp]; break;
        case OP_DIV: vm->sp--; vm->stack[vm->sp - 1] /= vm->stack[vm->sp]; break;
        case OP_MOD: vm->sp--; vm->stack[vm->sp - 1] %= vm->stack[vm->sp]; break;
        case OP_LT: vm->sp--; vm->stack[vm->sp - 1] = vm->stack[vm->sp - 1] < vm->stack[vm->sp]; break;
        case OP_EQ: vm->sp--; vm->stack[vm->sp - 1] = vm->stack[vm->sp - 1] == vm->stack[vm->sp]; break;
        case OP_XOR: vm->sp--; vm->stack[vm->sp - 1] ^= vm->stack[vm->sp]; break;
        case OP_AND: vm->sp--; vm->stack[vm->sp - 1] &= vm->stack[vm->sp]; break;
        case OP_SHL: vm->sp--; vm->stack[vm->sp - 1] <<= vm->stack[vm->sp]; break;
        case OP_SHR: vm->sp--; vm->stack[vm->sp - 1] = (long long)((unsigned long long)vm->stack[vm->sp - 1] >> vm->stack[vm->sp]); break;
        case OP_JMP: pc = code[pc]; break;
        case OP_JZ: { int t = code[pc++]; if (vm->stack[--vm->sp] == 0) pc = t; break; }
        case OP_DUP: vm->stack[vm->sp] = vm->stack[vm->sp - 1]; vm->sp++; break;
        case OP_POP: vm->sp--; break;
        case OP_PRINT: vm->out = vm->out * 1000003 + vm->stack[--vm->sp]; break;
        case OP_CALL: callstack[csp++] = pc + 1; pc = code[pc]; break;
        case OP_RET: if (csp == 0) return vm->stack[vm->sp - 1]; pc = callstack[--csp]; break;
        case OP_HALT: return vm->sp ? vm->stack[vm->sp - 1] : 0;
        default: fprintf(stderr, "bad opcode %d at %d\n", op, pc - 1); exit(1);
        }
    }
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 30000;
    if (n < 2) { fprintf(stderr, "bad size\n"); return 2; }
    /* vars: 0=i 1=sum 2=d 3=isprime 4=limit 5=collatz value 6=collatz steps */
    /* Build the program with a tiny assembler instead of hand-counted offsets. */
    int code[512], pc = 0;
#define E(x) (code[pc++] = (x))
    int L_outer, L_inner, L_notprime, L_endinner, L_skip, L_end, fix_end, fix_endinner, fix_notprime, fix_skip;
    E(OP_PUSH); E(2); E(OP_STORE); E(0);
    E(OP_PUSH); E(0); E(OP_STORE); E(1);
    L_outer = pc;
    E(OP_LOAD); E(0); E(OP_LOAD); E(4); E(OP_LT); E(OP_JZ); fix_end = pc; E(0);
    E(OP_PUSH); E(1); E(OP_STORE); E(3);
    E(OP_PUSH); E(2); E(OP_STORE); E(2);
    L_inner = pc;
    /* while d*d < i+1 */
    E(OP_LOAD); E(2); E(OP_LOAD); E(2); E(OP_MUL); E(OP_LOAD); E(0); E(OP_PUSH); E(1); E(OP_ADD); E(OP_LT);
    E(OP_JZ); fix_endinner = pc; E(0);
    E(OP_LOAD); E(0); E(OP_LOAD); E(2); E(OP_MOD); E(OP_JZ); fix_notprime = pc; E(0);
    E(OP_LOAD); E(2); E(OP_PUSH); E(1); E(OP_ADD); E(OP_STORE); E(2); E(OP_JMP); E(L_inner);
    L_notprime = pc;
    E(OP_PUSH); E(0); E(OP_STORE); E(3);
    L_endinner = pc;
    E(OP_LOAD); E(3); E(OP_JZ); fix_skip = pc; E(0);
    E(OP_LOAD); E(1); E(OP_LOAD); E(0); E(OP_ADD); E(OP_STORE); E(1);
    L_skip = pc;
    E(OP_LOAD); E(0); E(OP_PUSH); E(1); E(OP_ADD); E(OP_STORE); E(0); E(OP_JMP); E(L_outer);
    L_end = pc;
    E(OP_LOAD); E(1); E(OP_DUP); E(OP_PRINT); E(OP_HALT);
    /* subroutine: collatz steps of var5 -> pushes count; entry L_collatz */
    int L_collatz = pc, L_cloop, L_codd, L_cnext, fix_cdone, fix_codd;
    E(OP_PUSH); E(0); E(OP_STORE); E(6);
    L_cloop = pc;
    E(OP_LOAD); E(5); E(OP_PUSH); E(1); E(OP_EQ); E(OP_PUSH); E(0); E(OP_EQ); E(OP_JZ); fix_cdone = pc; E(0);
    E(OP_LOAD); E(5); E(OP_PUSH); E(1); E(OP_AND); E(OP_JZ); fix_codd = pc; E(0);
    L_codd = pc;
    E(OP_LOAD); E(5); E(OP_PUSH); E(3); E(OP_MUL); E(OP_PUSH); E(1); E(OP_ADD); E(OP_STORE); E(5);
    L_cnext = pc;
    E(OP_LOAD); E(6); E(OP_PUSH); E(1); E(OP_ADD); E(OP_STORE); E(6); E(OP_JMP); E(L_cloop);
    int L_ceven = pc;
    E(OP_LOAD); E(5); E(OP_PUSH); E(1); E(OP_SHR); E(OP_STORE); E(5); E(OP_JMP); E(L_cnext);
    int L_cdone = pc;
    E(OP_LOAD); E(6); E(OP_RET);
#undef E
    code[fix_end] = L_end; code[fix_endinner] = L_endinner; code[fix_notprime] = L_notprime; code[fix_skip] = L_skip;
    code[fix_cdone] = L_cdone; code[fix_codd] = L_ceven; (void)L_codd;

    VM vm = {0};
    vm.vars[4] = n;
    long long sum = run(&vm, code, 0);
    printf("interp primes<%d sum=%lld steps=%lld\n", n, sum, vm.steps);

    long long best = 0, bestn = 0, total = 0;
    VM cvm = {0};
    for (int s = 1; s < 3000; s++) {
        cvm.sp = 0; cvm.vars[5] = s;
        long long c = run(&cvm, code, L_collatz);
        total += c;
        if (c > best) { best = c; bestn = s; }
    }
    printf("collatz<3000 longest=%lld at %lld total=%lld steps=%lld\n", best, bestn, total, cvm.steps);
    printf("out=%lld\n", vm.out);
    return 0;
}
