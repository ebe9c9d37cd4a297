/**
 * Excel (.xlsx, .xls) and OpenDocument (.ods) workbooks → CSV text, with SheetJS (loaded only
 * when a workbook is read: ~400 KB the dashboard never needs). Values are written as a person sees
 * what they mean, not as the spreadsheet stores them: a date cell (a serial number in the 1900 or
 * 1904 system) as yyyy-mm-dd, a formula as its cached value, a merged cell in each cell it covers.
 */
import { columnLetter, csvText, type SheetText } from './sheet-text';
import { readXlsxSheets, type FastBook } from './xlsx-sheets';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** An Excel or OpenDocument workbook, by its first bytes (a renamed file is still found). */
export function isWorkbook(bytes: Uint8Array): boolean {
	return startsWith(bytes, ZIP) || startsWith(bytes, OLE);
}

type XLSX = typeof import('@e965/xlsx');
type Cell = import('@e965/xlsx').CellObject;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A cell as text: dates as ISO dates (or date and time), numbers as numbers, formulas as their cached value. */
function cellText(xlsx: XLSX, cell: Cell | undefined, date1904: boolean): string {
	if (!cell || cell.v === undefined || cell.v === null) return '';
	if (cell.t === 'd' && cell.v instanceof Date) {
		const d = cell.v;
		return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
	}
	if (cell.t === 'n' && typeof cell.v === 'number') {
		if (cell.z !== undefined && xlsx.SSF.is_date(cell.z)) {
			const d = xlsx.SSF.parse_date_code(cell.v, { date1904 });
			if (d) {
				const day = `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}`;
				return d.H || d.M || d.S ? `${day} ${pad(d.H)}:${pad(d.M)}:${pad(d.S)}` : day;
			}
		}
		return String(cell.v);
	}
	if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE';
	// An error (#N/A, #REF!) is what the sheet shows: read, and reported like any value not understood.
	if (cell.t === 'e') return cell.w ?? xlsx.utils.format_cell(cell);
	return String(cell.v);
}

type Merge = import('@e965/xlsx').Range;

/**
 * Rows (relative to the range) of a stacked header: a row near the top with a cell merged across
 * columns, over a row that names those columns one by one.
 */
function groupRows(merges: Merge[], top: number, left: number, grid: string[][]): number[] {
	const namesEach = (m: Merge) => {
		const below = grid[m.s.r - top + 1]?.slice(m.s.c - left, m.e.c - left + 1) ?? [];
		return below.filter((v) => v.trim() !== '').length >= 2;
	};
	const rows = merges.filter((m) => m.s.r === m.e.r && m.e.c > m.s.c && m.s.r - top < HEADER_ROWS && namesEach(m)).map((m) => m.s.r - top);
	return [...new Set(rows)].sort((a, b) => b - a);
}
/** How far down a stacked header is looked for (titles and blank rows above it included). */
const HEADER_ROWS = 10;

export class WorkbookError extends Error {}

/**
 * What readXlsxSheets does not read: .xls, .ods, and an .xlsx it does not expect. cellNF: the number
 * format that says a number is a date; formatted text, formulas' text and styles are not needed
 * (they double the time). Hidden rows are not found this way (SheetJS reads them only with styles,
 * and not at all in .xls or .ods): such rows are read all the same.
 */
/** Whatever goes wrong in the fast reader, SheetJS reads the file (and names what is wrong with it). */
function fastOrNull(xlsx: XLSX, bytes: Uint8Array) {
	try {
		return readXlsxSheets(xlsx, bytes);
	} catch {
		return null;
	}
}

/**
 * What a zip that is not a workbook is, for a message that says what to do with it: a zip of the
 * export (staff often zip a large one to send it), or a Word or PowerPoint document. Null when it
 * holds a workbook's parts (then it is a damaged workbook) or cannot be listed.
 */
function notAWorkbook(xlsx: XLSX, bytes: Uint8Array): string | null {
	let paths: string[];
	try {
		paths = xlsx.CFB.read(bytes, { type: 'array' }).FullPaths.map((p: string) => p.replace(/^Root Entry\//, ''));
	} catch {
		return null;
	}
	if (paths.some((p) => p.startsWith('word/') || p.startsWith('ppt/')))
		return 'this is a Word or PowerPoint document, not a register: export the register as CSV or as an Excel workbook and drop that file.';
	// An Office or OpenDocument file's parts, the workbook's perhaps lost where the file was cut short.
	if (paths.some((p) => p.startsWith('xl/') || p === '[Content_Types].xml' || p === 'content.xml' || p === 'mimetype')) return null;
	// A zip cut short lists nothing (its directory is at the end): a damaged workbook as likely as not.
	const files = paths.filter((p) => p !== '' && !p.endsWith('/') && !p.startsWith('\u0001') && !p.startsWith('__MACOSX/'));
	if (files.length === 0) return null;
	return `this is a zip archive (holding ${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''}), not an export: extract it and drop the files it holds.`;
}

function readWithSheetJS(xlsx: XLSX, bytes: Uint8Array) {
	return xlsx.read(bytes, { type: 'array', dense: true, cellNF: true, cellText: false, cellFormula: false, cellHTML: false });
}

/**
 * The sheet `pick`, or the first sheet that holds data, as CSV text and where its lines came from.
 * Throws a WorkbookError with a message for staff when the file cannot be read.
 */
export async function workbookText(bytes: Uint8Array, pick?: string, given?: XLSX): Promise<SheetText> {
	const xlsx: XLSX = given ?? (await import('@e965/xlsx'));
	let book: import('@e965/xlsx').WorkBook;
	try {
		book = (startsWith(bytes, ZIP) ? fastOrNull(xlsx, bytes) : null) ?? readWithSheetJS(xlsx, bytes);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const other = startsWith(bytes, ZIP) ? notAWorkbook(xlsx, bytes) : null;
		if (other) throw new WorkbookError(other);
		// An encrypted Office file is an OLE container SheetJS calls password-protected; a zip it calls
		// encrypted is a damaged one.
		if (/password/i.test(message)) throw new WorkbookError('the workbook is protected by a password: open it in Excel, remove the password (File → Info → Protect Workbook) and drop it again, or save it as CSV.');
		throw new WorkbookError(`it looks like a workbook but could not be read (${message.split('\n')[0]}); it may be damaged. Open it in Excel or LibreOffice and save it again, or save it as CSV.`);
	}
	const withData = book.SheetNames.filter((name) => book.Sheets[name]?.['!ref'] && (book.Sheets[name]['!data']?.length ?? 0) > 0);
	if (withData.length === 0) throw new WorkbookError('the workbook has no sheet with data.');
	const sheet = pick && withData.includes(pick) ? pick : withData[0];
	const ws = book.Sheets[sheet];
	const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
	const range = xlsx.utils.decode_range(ws['!ref']!);
	const data = ws['!data'] ?? [];
	const grid: string[][] = [];
	const rowNumbers: number[] = [];
	for (let r = range.s.r; r <= range.e.r; r++) {
		const row: string[] = [];
		for (let c = range.s.c; c <= range.e.c; c++) row.push(cellText(xlsx, data[r]?.[c], date1904));
		grid.push(row);
		rowNumbers.push(r + 1);
	}
	// A merged cell holds its value in its top-left cell only; a person reads it in every cell it covers.
	for (const m of ws['!merges'] ?? []) {
		const value = grid[m.s.r - range.s.r]?.[m.s.c - range.s.c] ?? '';
		for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) if (grid[r - range.s.r]) grid[r - range.s.r][c - range.s.c] = value;
	}
	// A header of two rows («Клиент» merged over «Пол» and «Возраст») is read as a person reads it:
	// one header row, each column named by its lowest label. The group row is left out.
	for (const g of groupRows(ws['!merges'] ?? [], range.s.r, range.s.c, grid)) {
		const [group, below] = [grid[g], grid[g + 1]];
		for (let c = 0; c < below.length; c++) if (below[c].trim() === '') below[c] = group[c];
		group.fill('');
	}
	// Blank rows are no records (a sheet's range often runs past its data): left out, numbering kept.
	const kept = grid.map((row, i) => [row, rowNumbers[i]] as const).filter(([row]) => row.some((v) => v.trim() !== ''));
	const hiddenRows = (book as Partial<FastBook>).hiddenRows?.[sheet];
	const hidden = kept.map(([, n]) => n).filter((n) => hiddenRows?.has(n));
	return {
		csv: csvText(kept.map(([row]) => row)),
		place: {
			sheet,
			sheets: withData,
			rows: kept.map(([, n]) => n),
			columns: Array.from({ length: range.e.c - range.s.c + 1 }, (_, c) => columnLetter(range.s.c + c)),
			hidden
		}
	};
}
