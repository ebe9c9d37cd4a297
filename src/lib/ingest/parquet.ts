/**
 * Parquet exports (a data team's hand-over) → CSV text for the common ingest. DuckDB-wasm reads
 * Parquet only through an extension it downloads from extensions.duckdb.org, which this site may
 * not contact (no request leaves its origin) and cannot when offline; hyparquet (pure JavaScript,
 * no dependencies, loaded only when a Parquet file is read) reads it instead, with
 * hyparquet-compressors for the codecs beyond snappy (gzip, zstd, brotli, lz4).
 */
import { csvText, type SheetText } from './sheet-text';

const MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1", at both ends

export function isParquet(bytes: Uint8Array): boolean {
	return bytes.length >= 8 && MAGIC.every((b, i) => bytes[i] === b);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A value as DuckDB would write it: a DATE as yyyy-mm-dd, a timestamp with its time (UTC), text as it is. */
function valueText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return '';
		const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
		const time = value.getUTCHours() || value.getUTCMinutes() || value.getUTCSeconds() ? ` ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}` : '';
		return day + time;
	}
	if (value instanceof Uint8Array) return new TextDecoder().decode(value);
	if (typeof value === 'object') return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? String(v) : v));
	return String(value);
}

export async function parquetText(bytes: Uint8Array, name: string): Promise<SheetText> {
	const [{ parquetMetadata, parquetReadObjects, parquetSchema }, { compressors }] = await Promise.all([import('hyparquet'), import('hyparquet-compressors')]);
	const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
	try {
		const metadata = parquetMetadata(file);
		const columns = parquetSchema(metadata).children.map((c) => c.element.name);
		const rows = await parquetReadObjects({ file, metadata, compressors });
		const grid = [columns, ...rows.map((row) => columns.map((c) => valueText(row[c])))];
		return { csv: csvText(grid), place: { sheet: '', sheets: [], rows: grid.map((_, i) => i + 1), columns: [], hidden: [] } };
	} catch (error) {
		throw new Error(`${name}: this Parquet file could not be read (${(error instanceof Error ? error.message : String(error)).split('\n')[0]}); it may be damaged or cut short.`);
	}
}
