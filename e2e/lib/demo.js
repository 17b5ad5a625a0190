// Starts `crisismap demo` on a free port in a fresh temporary folder and stops it again.
// The harness builds nothing: it is given the binary (CRISISMAP_BIN, default
// target/debug/crisismap from the repository root).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEMO_PASSWORD = 'demo-crisismap';

/** The demo's accounts, by the role they stand for. */
export const ACCOUNTS = {
  admin: 'beheer@voorbeeld.nl',
  editor: 'adviseur@voorbeeld.nl',
  member: 'ciso@voorbeeld.nl',
  mayor: 'burgemeester@voorbeeld.nl',
  viewer: 'wethouder@voorbeeld.nl',
};

export function binaryPath() {
  const bin = process.env.CRISISMAP_BIN
    ? resolve(process.cwd(), process.env.CRISISMAP_BIN)
    : join(REPO, 'target', 'debug', 'crisismap');
  if (!existsSync(bin)) {
    throw new Error(`no crisismap binary at ${bin}: build it (cargo build -p crisismap --locked) or set CRISISMAP_BIN`);
  }
  return bin;
}

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function startOnce(bin) {
  const port = await freePort();
  const root = mkdtempSync(join(tmpdir(), 'crisismap-e2e-'));
  const dataDir = join(root, 'demo');
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(bin, ['demo', '--data-dir', dataDir, '--listen', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG || 'warn' },
  });
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  let exited = null;
  const exit = new Promise((r) => child.once('exit', (code, signal) => { exited = { code, signal }; r(); }));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (!exited) {
      child.kill('SIGTERM');
      await Promise.race([exit, sleep(10_000)]);
      if (!exited) { child.kill('SIGKILL'); await exit; }
    }
    rmSync(root, { recursive: true, force: true });
  };

  // Wait for /readyz: at most 90 s (the demo seeds its data and writes a PDF at start).
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      const res = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return { base, dataDir, stop, output: () => output };
    } catch { /* not listening yet */ }
    await sleep(200);
  }
  await stop();
  const why = exited ? `exited (${exited.code ?? exited.signal})` : 'was not ready within 90 s';
  const err = new Error(`crisismap demo ${why}:\n${output}`);
  err.portTaken = /in use|cannot listen/i.test(output);
  throw err;
}

/** Starts the demo; a port taken between choosing and binding it is retried (3 tries). */
export async function startDemo() {
  const bin = binaryPath();
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(bin);
    } catch (e) {
      if (!e.portTaken || attempt >= 3) throw e;
    }
  }
}
