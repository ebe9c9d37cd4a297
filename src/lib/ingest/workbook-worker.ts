/**
 * Reads a workbook off the page's thread: a 100k-row sheet takes seconds, and the page stays
 * usable (and can cancel). SheetJS is imported here, not on demand, so the worker is one file that
 * the service worker can keep for offline use (src/lib/ingest/workbook-worker-url.ts).
 */
import * as XLSX from '@e965/xlsx';
import { WorkbookError, workbookText } from './workbook';

self.onmessage = async (event: MessageEvent<{ bytes: Uint8Array; sheet?: string }>) => {
	try {
		self.postMessage({ text: await workbookText(event.data.bytes, event.data.sheet, XLSX) });
	} catch (error) {
		self.postMessage({ error: error instanceof Error ? error.message : String(error), known: error instanceof WorkbookError });
	}
};
