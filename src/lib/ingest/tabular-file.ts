/** A dropped or built file as CSV for the ingest: a workbook or Parquet file is converted first, a CSV passes as it is. */
import { isWorkbook, workbookText } from './workbook';
import { isParquet, parquetText } from './parquet';
import type { SheetPlace, SheetText } from './sheet-text';
import type { ExportFile } from './types';

export type AsCsv = { file: ExportFile; place?: SheetPlace } | { error: string };

export async function asCsv(file: ExportFile, sheet?: string): Promise<AsCsv> {
	let text: SheetText;
	try {
		if (isWorkbook(file.bytes)) text = await workbookText(file.bytes, sheet);
		else if (isParquet(file.bytes)) text = await parquetText(file.bytes, file.name);
		else return { file };
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return { error: message.startsWith(`${file.name}:`) ? message : `${file.name}: ${message}` };
	}
	return { file: { name: file.name, bytes: new TextEncoder().encode(text.csv) }, place: text.place };
}
