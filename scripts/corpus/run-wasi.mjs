#!/usr/bin/env node
// Run a WASI (preview1) command module under node:wasi.
//
//   node scripts/corpus/run-wasi.mjs [--dir HOST[:GUEST]]... NAME.wasm [args...]
//
// argv[0] seen by the program is NAME (file name without .wasm). The program's stdout/stderr
// are passed straight through; this process exits with the program's exit code
// (proc_exit or return from main). A trap or instantiation error prints a message to stderr
// and exits with 134. `--dir HOST:GUEST` preopens HOST as GUEST (GUEST defaults to "/").
// The environment seen by the program is empty, so output is deterministic.
import { WASI } from 'node:wasi';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';

process.removeAllListeners('warning'); // silence "WASI is an experimental feature"
process.on('warning', (w) => { if (w.name !== 'ExperimentalWarning') console.error(w); });

const argv = process.argv.slice(2);
const preopens = {};
while (argv.length && argv[0] === '--dir') {
  argv.shift();
  const spec = argv.shift();
  if (!spec) usage();
  const i = spec.indexOf(':');
  const host = i < 0 ? spec : spec.slice(0, i);
  const guest = i < 0 ? '/' : spec.slice(i + 1);
  preopens[guest] = path.resolve(host);
}
if (argv.length === 0 || argv[0].startsWith('-')) usage();
const file = argv.shift();
const name = path.basename(file).replace(/\.wasm$/, '');

function usage() {
  console.error('usage: run-wasi.mjs [--dir HOST[:GUEST]]... NAME.wasm [args...]');
  process.exit(2);
}

let code;
try {
  const wasi = new WASI({ version: 'preview1', args: [name, ...argv], env: {}, preopens, returnOnExit: true });
  const module = await WebAssembly.compile(fs.readFileSync(file));
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
  code = wasi.start(instance);
} catch (e) {
  console.error(`run-wasi: ${file}: ${e && e.stack ? e.stack : e}`);
  code = 134;
}
process.exitCode = code;
