/** A dropped or built file as CSV for the ingest: a workbook or Parquet file is converted first, a CSV passes as it is. */
import { isWorkbook, workbookText } from './workbook';
import { isParquet, parquetText } from './parquet';
import type { SheetPlace, SheetText } from './sheet-text';
import type { ExportFile } from './types';

export type AsCsv = { file: ExportFile; place?: SheetPlace } | { error: string };

/** In a browser, a workbook is read in a worker of its own, ended when the load is cancelled. */
async function workbookInWorker(bytes: Uint8Array, sheet: string | undefined, signal?: AbortSignal): Promise<SheetText> {
	const { workbookWorkerUrl } = await import('./workbook-worker-url');
	const worker = new Worker(await workbookWorkerUrl(), { type: 'module' });
	return new Promise<SheetText>((resolve, reject) => {
		const stop = () => reject(new DOMException('cancelled', 'AbortError'));
		signal?.addEventListener('abort', stop, { once: true });
		worker.onmessage = (event: MessageEvent<{ text?: SheetText; error?: string }>) => (event.data.text ? resolve(event.data.text) : reject(new Error(event.data.error)));
		worker.onerror = (event) => reject(new Error(`the workbook could not be read (${event.message || 'its reader stopped'})`));
		worker.postMessage({ bytes, sheet });
	}).finally(() => worker.terminate());
}

export async function asCsv(file: ExportFile, sheet?: string, signal?: AbortSignal): Promise<AsCsv> {
	let text: SheetText;
	try {
		if (isWorkbook(file.bytes)) text = typeof window === 'undefined' ? await workbookText(file.bytes, sheet) : await workbookInWorker(file.bytes, sheet, signal);
		else if (isParquet(file.bytes)) text = await parquetText(file.bytes, file.name);
		else return { file };
	} catch (error) {
		if (error instanceof DOMException && error.name === 'AbortError') throw error;
		const message = error instanceof Error ? error.message : String(error);
		return { error: message.startsWith(`${file.name}:`) ? message : `${file.name}: ${message}` };
	}
	return { file: { name: file.name, bytes: new TextEncoder().encode(text.csv) }, place: text.place };
}
