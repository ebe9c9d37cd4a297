/**
 * Why a whole file was not read, in another language. The ingest says it in English, after the
 * file's name ("регистр.pdf: this is a PDF, not CSV. …"), as the build and Node print it; a table
 * gives each message in the page's language with its details (a line, a delimiter, what a library
 * said). A message not in the table stays English, whole.
 */
const SAVE_AS_CSV = String.raw`Save it as CSV \(File → Save as → CSV UTF-8\) and drop that file\.`;

/** Each message the ingest writes, after "<file>: "; the groups are its details. */
const MESSAGES = {
	empty: String.raw`the file is empty`,
	workbookNotCsv: String.raw`this is an Excel or OpenDocument workbook, not CSV\. ${SAVE_AS_CSV}`,
	xlsNotCsv: String.raw`this is an old Excel workbook \(\.xls\), not CSV\. ${SAVE_AS_CSV}`,
	pdf: String.raw`this is a PDF, not CSV\. Export the register as CSV instead\.`,
	binary: String.raw`this is a binary file, not CSV text\.`,
	otherEncoding: String.raw`the text is in an encoding other than UTF-8, UTF-16 or Windows-1251\. ${SAVE_AS_CSV}`,
	headerOnly: String.raw`header only: no data rows`,
	noHeader: String.raw`no header row`,
	firstRowData: String.raw`the first row looks like data: add the header row`,
	sep: String.raw`line 1 names "(.*)" as the delimiter \(sep=.*\): only comma, semicolon, tab or \| are read`,
	notDelimited: String.raw`this does not look like delimited data \(no comma, semicolon or tab separates the columns\)`,
	lineTooLong: String.raw`line (\d+) is longer than (\d+) MB \(is a quote left open\?\), more than can be read: the file is not read`,
	duckdb: String.raw`DuckDB could not read it as CSV \((.*)\)`,
	parquet: String.raw`this Parquet file could not be read \((.*)\); it may be damaged or cut short\.`,
	password: String.raw`the workbook is protected by a password: open it in Excel, remove the password \(File → Info → Protect Workbook\) and drop it again, or save it as CSV\.`,
	damagedWorkbook: String.raw`it looks like a workbook but could not be read \((.*)\); it may be damaged\. Open it in Excel or LibreOffice and save it again, or save it as CSV\.`,
	noSheet: String.raw`the workbook has no sheet with data\.`,
	workbookReader: String.raw`the workbook could not be read \((.*)\)`,
	officeDocument: String.raw`this is a Word or PowerPoint document, not a register: export the register as CSV or as an Excel workbook and drop that file\.`,
	zipArchive: String.raw`this is a zip archive \(holding (.*)\), not an export: extract it and drop the files it holds\.`
};

export type FileErrorKey = keyof typeof MESSAGES;

/** A language's words for each message: the file's name first, then the message's details. */
export type FileErrorWords = Record<FileErrorKey, (file: string, ...details: string[]) => string>;

// The name is greedy: a file named "a: b.csv" still ends where the message begins.
const PATTERNS = Object.entries(MESSAGES).map(([key, source]) => [key as FileErrorKey, new RegExp(`^(.*): ${source}$`, 's')] as const);

/** Which message `error` is, with the file's name and the details; null for one not in the table. */
export function fileErrorKey(error: string): { key: FileErrorKey; file: string; details: string[] } | null {
	for (const [key, pattern] of PATTERNS) {
		const match = pattern.exec(error);
		if (match) return { key, file: match[1], details: match.slice(2) };
	}
	return null;
}

export function fileErrorIn(words: FileErrorWords, error: string): string {
	const known = fileErrorKey(error);
	return known ? words[known.key](known.file, ...known.details) : error;
}
