import { describe, expect, it } from 'vitest';
import { EngineFault, engineFault, workerFault } from './engine-fault';
import { faultText, uploadFaultText } from '$lib/i18n/engine-fault-text';
import en from '$lib/i18n/messages/en';
import ru from '$lib/i18n/messages/ru';

describe('engineFault(error)', () => {
	it.each([
		[new RangeError('Array buffer allocation failed')],
		[new Error('Out of Memory Error: could not allocate block of size 256.0 KiB (16.0 MiB/16.0 MiB used)')],
		[new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded')],
		[new Error('Aborted(OOM)')],
		['std::bad_alloc']
	])('reads %s as the memory running out', (error) => {
		expect(engineFault(error, 'big.csv')).toMatchObject({ kind: 'memory', file: 'big.csv' });
	});

	it('keeps a fault as it is, and is null for any other error', () => {
		const fault = new EngineFault('crashed', 'ended');
		expect(engineFault(fault)).toBe(fault);
		expect(engineFault(new Error('Binder Error: column "x" not found'))).toBeNull();
		expect(engineFault(new DOMException('Loading was cancelled.', 'AbortError'))).toBeNull();
	});
});

describe('faultText(error, m)', () => {
	it('says what went wrong in the page’s language', () => {
		expect(faultText(new EngineFault('download', '', { file: 'duckdb-eh.wasm', detail: '404 Not Found' }), en)).toBe('The database engine (duckdb-eh.wasm) could not be downloaded (404 Not Found).');
		expect(faultText(new EngineFault('mime', '', { file: 'duckdb-eh.wasm', detail: 'text/plain' }), ru)).toMatch(/^Движок базы данных \(duckdb-eh\.wasm\) отдаётся не как application\/wasm \(а как text\/plain\)/);
		expect(faultText(new Error('Binder Error'), en)).toBe('Binder Error');
	});

	it('on /upload, names the files that did not fit, and says a new drop starts afresh', () => {
		expect(uploadFaultText(new RangeError('Array buffer allocation failed'), ['a.csv', 'b.csv'], en)).toMatch(/^a\.csv, b\.csv: too large for the memory/);
		expect(uploadFaultText(new EngineFault('crashed', ''), ['a.csv'], en)).toBe(`${en.engineFaultCrashed} ${en.engineRetry}`);
		expect(uploadFaultText(new Error('a.csv: this is a binary file, not CSV text.'), ['a.csv'], en)).toBe('a.csv: this is a binary file, not CSV text.');
	});
});

describe('workerFault(message, script, wasm)', () => {
	// Chromium's messages, as the worker's 'error' event gives them.
	it.each([
		["Uncaught NetworkError: Failed to execute 'importScripts' on 'WorkerGlobalScope': The script at '/_app/immutable/workers/w.js' failed to load.", 'download', 'duckdb-browser-eh.worker.js'],
		["Uncaught TypeError: Failed to execute 'compile' on 'WebAssembly': Incorrect response MIME type. Expected 'application/wasm'.", 'mime', 'duckdb-eh.wasm'],
		["Uncaught TypeError: Failed to execute 'compile' on 'WebAssembly': HTTP status code is not ok", 'download', 'duckdb-eh.wasm'],
		['Uncaught RangeError: WebAssembly.instantiate(): Out of memory: Cannot allocate Wasm memory for new instance', 'memory', undefined],
		['Uncaught RuntimeError: unreachable', 'crashed', undefined]
	])('%s → %s', (message, kind, file) => {
		expect(workerFault(message, 'duckdb-browser-eh.worker.js', 'duckdb-eh.wasm')).toMatchObject({ kind, file });
	});
});
