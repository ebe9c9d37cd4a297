#!/usr/bin/env node
/**
 * node scripts/corpus-check.mjs DIR [--timeout 60] [--jobs 1] [--json results.json]
 *
 * Runs the release command (scripts/release.mjs) on every .csv under DIR, one child process per
 * file, with a timeout (60 s by default) and its release.json written to a temporary folder (never
 * data/), and classifies each file:
 *
 * - published: exit 0 and "wrote …";
 * - refused: a non-zero exit with a refusal message of its own ("… cannot be published", a file
 *   that cannot be read) and no stack trace or JavaScript/DuckDB error in it;
 * - crash: any other non-zero exit (a stack trace, "TypeError", "INTERNAL Error", a raw DuckDB
 *   error, a signal, nothing said);
 * - hang: killed at the timeout;
 * - mismatch: a check report line "X: N rows read = L loaded + R rejected" where N ≠ L + R, or,
 *   when the file is a well-formed CSV (valid UTF-8, PapaParse finds no error, every record has
 *   as many fields as the first, which is taken as the header), N ≠ PapaParse's count of its
 *   non-empty records less the header. A file outside that definition is checked by N = L + R only.
 *
 * A refused file may stop before its check report; the command prints the report (to stdout)
 * before the refusal, so the counts are checked for refused files too when it gets that far.
 * It prints a table of the classes and the crashes, hangs and mismatches by name, and exits 1 when
 * there is any. See docs/testing.md, "The DuckDB CSV corpus".
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

const args = process.argv.slice(2);
const option = (name, fallback) => {
	const at = args.indexOf(`--${name}`);
	return at < 0 ? fallback : args.splice(at, 2)[1];
};
const timeout = Number(option('timeout', '60')) * 1000;
const jobs = Math.max(1, Number(option('jobs', '1')));
const jsonOut = option('json', undefined);
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) {
	console.error('usage: node scripts/corpus-check.mjs DIR [--timeout 60] [--jobs 1] [--json results.json]');
	process.exit(2);
}

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const command = path.join(root, 'scripts', 'release.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'corpus-check-'));

/** Every .csv under a folder, sorted. */
const csvFiles = (folder) =>
	readdirSync(folder, { withFileTypes: true })
		.flatMap((e) => (e.isDirectory() ? csvFiles(path.join(folder, e.name)) : e.name.toLowerCase().endsWith('.csv') ? [path.join(folder, e.name)] : []))
		.sort();

/** One run of the command: exit code, signal, output, and whether it was killed at the timeout. */
function run(file, out) {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [command, file, '--out', out], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			try {
				process.kill(-child.pid, 'SIGKILL'); // its own process group: the command and anything it started
			} catch {
				child.kill('SIGKILL');
			}
		}, timeout);
		const started = Date.now();
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, signal, stdout, stderr, timedOut, ms: Date.now() - started });
		});
	});
}

/**
 * The number of data records in a well-formed CSV (valid UTF-8, no PapaParse error, every
 * non-empty record as wide as the first), or undefined for any other file.
 */
function plainCount(bytes) {
	let text;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return undefined;
	}
	const parsed = Papa.parse(text, { skipEmptyLines: true });
	if (parsed.errors.length > 0 || parsed.data.length === 0) return undefined;
	const width = parsed.data[0].length;
	if (width < 2 || parsed.data.some((r) => r.length !== width)) return undefined;
	return parsed.data.length - 1;
}

const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;
const ENGINE_ERROR = /\b(TypeError|RangeError|ReferenceError|SyntaxError|AggregateError|INTERNAL Error|Invalid Input Error|Conversion Error|Binder Error|Parser Error|Catalog Error|Out of Memory Error|Maximum call stack|is not a function|Cannot read propert|undefined is not|RuntimeError|unreachable|memory access out of bounds)\b/;

function classify(file, r) {
	const counts = [...r.stdout.matchAll(/^(.*): (\d+) rows read = (\d+) loaded \+ (\d+) rejected$/gm)].map((m) => ({ read: +m[2], loaded: +m[3], rejected: +m[4] }));
	const message = r.stderr.trim();
	const mismatches = [];
	for (const c of counts) if (c.read !== c.loaded + c.rejected) mismatches.push(`${c.read} rows read ≠ ${c.loaded} loaded + ${c.rejected} rejected`);
	const plain = plainCount(readFileSync(file));
	if (plain !== undefined && counts.length === 1 && counts[0].read !== plain) mismatches.push(`${counts[0].read} rows read, PapaParse counts ${plain} records`);
	let kind;
	if (r.timedOut) kind = 'hang';
	else if (r.code === 0 && /^wrote /m.test(r.stdout)) kind = 'published';
	else if (r.code !== 0 && r.signal === null && message && !STACK.test(message) && !ENGINE_ERROR.test(message)) kind = 'refused';
	else kind = 'crash';
	if (mismatches.length && kind !== 'hang' && kind !== 'crash') kind = 'mismatch';
	return { file, kind, code: r.code, signal: r.signal, ms: r.ms, rows: counts[0], plain, mismatches, message: kind === 'published' ? '' : message || r.stdout.trim().split('\n').slice(-3).join('\n') };
}

const files = csvFiles(dir);
console.log(`${files.length} .csv files under ${dir}; ${jobs} at a time, ${timeout / 1000} s each at most`);
const results = [];
let next = 0;
async function worker(w) {
	while (next < files.length) {
		const file = files[next++];
		const out = path.join(work, `release-${w}.json`);
		const result = classify(file, await run(file, out));
		results.push(result);
		rmSync(out, { force: true });
		const rel = path.relative(dir, file);
		process.stdout.write(`${String(results.length).padStart(4)}/${files.length} ${result.kind.padEnd(9)} ${(result.ms / 1000).toFixed(1).padStart(5)} s  ${rel}\n`);
	}
}
await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, (_, w) => worker(w)));
rmSync(work, { recursive: true, force: true });
results.sort((a, b) => a.file.localeCompare(b.file));

const kinds = ['published', 'refused', 'crash', 'hang', 'mismatch'];
console.log('\nclass       files');
for (const k of kinds) console.log(`${k.padEnd(11)} ${String(results.filter((r) => r.kind === k).length).padStart(5)}`);
console.log(`${'total'.padEnd(11)} ${String(results.length).padStart(5)}`);
console.log(`counts checked against PapaParse (well-formed CSV): ${results.filter((r) => r.plain !== undefined && r.rows).length}; rows read = loaded + rejected checked: ${results.filter((r) => r.rows).length}`);
for (const k of ['crash', 'hang', 'mismatch']) {
	const bad = results.filter((r) => r.kind === k);
	if (bad.length === 0) continue;
	console.log(`\n${{ crash: 'crashes', hang: 'hangs', mismatch: 'accounting mismatches' }[k]}:`);
	for (const r of bad) {
		console.log(`- ${path.relative(dir, r.file)} (exit ${r.code ?? r.signal})${r.mismatches.length ? `: ${r.mismatches.join('; ')}` : ''}`);
		if (k === 'crash') console.log(`    ${r.message.split('\n').slice(0, 6).join('\n    ')}`);
	}
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results.map((r) => ({ ...r, file: path.relative(dir, r.file) })), null, 1));
process.exitCode = results.some((r) => ['crash', 'hang', 'mismatch'].includes(r.kind)) ? 1 : 0;
