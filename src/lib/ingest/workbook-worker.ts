/** Reads a workbook off the page's thread: a 100k-row sheet takes seconds, and the page stays usable (and can cancel). */
import { WorkbookError, workbookText } from './workbook';

self.onmessage = async (event: MessageEvent<{ bytes: Uint8Array; sheet?: string }>) => {
	try {
		self.postMessage({ text: await workbookText(event.data.bytes, event.data.sheet) });
	} catch (error) {
		self.postMessage({ error: error instanceof Error ? error.message : String(error), known: error instanceof WorkbookError });
	}
};
