/**
 * `npm run release` reads case records: it must open no port. Vite ran the app's modules with a
 * dev server whose HMR websocket listened on port 24678 on all interfaces (even with hmr: false),
 * and a second run printed "Port 24678 is already in use". Linux: sockets are read from /proc.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const LISTEN = '0A';

/** Inodes of the sockets in LISTEN state, over TCP and TCP6. */
function listeningInodes(): Set<string> {
	const inodes = new Set<string>();
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6'])
		for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
			const cells = line.trim().split(/\s+/);
			if (cells[3] === LISTEN) inodes.add(cells[9]);
		}
	return inodes;
}

/** A process and its descendants (esbuild's service among them). */
function family(pid: number): number[] {
	const tasks = (() => {
		try {
			return readdirSync(`/proc/${pid}/task`);
		} catch {
			return [];
		}
	})();
	const children = tasks.flatMap((t) => {
		try {
			return readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
		} catch {
			return [];
		}
	});
	return [pid, ...children.flatMap(family)];
}

/** The listening sockets the processes hold open. */
function listeningSockets(pids: number[]): string[] {
	const listening = listeningInodes();
	const found: string[] = [];
	for (const pid of pids) {
		let fds: string[] = [];
		try {
			fds = readdirSync(`/proc/${pid}/fd`);
		} catch {
			continue; // ended meanwhile
		}
		for (const fd of fds) {
			try {
				const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
				if (inode && listening.has(inode)) found.push(`pid ${pid} fd ${fd}`);
			} catch {
				// closed meanwhile
			}
		}
	}
	return found;
}

/** Run the release of the sample, looking for listening sockets every 10 ms until it ends. */
function releaseWatched(): Promise<{ status: number | null; output: string; sockets: string[]; looks: number }> {
	const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'release-')), 'release.json');
	const child = spawn('node', ['scripts/release.mjs', 'data/sample-export.csv', '--out', out, '--export-date', '2026-01-15']);
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const sockets = new Set<string>();
	let looks = 0;
	const watch = setInterval(() => {
		looks++;
		for (const s of listeningSockets(family(child.pid!))) sockets.add(s);
	}, 10);
	return new Promise((resolve) =>
		child.on('close', (status) => {
			clearInterval(watch);
			resolve({ status, output, sockets: [...sockets], looks });
		})
	);
}

describe('npm run release -- FILE', () => {
	it('opens no listening socket while it runs (its HMR websocket listened on 24678)', async () => {
		const { status, output, sockets, looks } = await releaseWatched();
		expect(status, output).toBe(0);
		expect(output).toContain('wrote ');
		// Looked often enough to have seen it: Vite's server lived for most of the run.
		expect(looks).toBeGreaterThan(100);
		expect(sockets).toEqual([]);
		expect(output).not.toMatch(/WebSocket/);
	}, 120_000);
});
