import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** A port nothing listens on now. */
const freePort = (): Promise<number> =>
	new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});

describe('npm start\'s server (src/cli/serve.ts)', () => {
	it('applies _headers as the build has it now, also after a rebuild rewrote it while the server ran', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'customer-lens-serve-'));
		writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
		const headers = path.join(dir, '_headers');
		writeFileSync(headers, '/*\n  X-Policy: first\n');
		const port = await freePort();
		const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts', '--dir', dir, '--port', String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
		try {
			await new Promise<void>((resolve, reject) => {
				server.stdout.on('data', (d: Buffer) => d.toString().includes('serving') && resolve());
				server.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
			});
			const policy = async () => (await fetch(`http://127.0.0.1:${port}/`)).headers.get('x-policy');
			expect(await policy()).toBe('first');
			writeFileSync(headers, '/*\n  X-Policy: second\n');
			// A later modification time, whatever the file system's resolution.
			const later = new Date(Date.now() + 5000);
			utimesSync(headers, later, later);
			expect(await policy()).toBe('second');
		} finally {
			server.kill();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
