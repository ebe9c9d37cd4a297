/**
 * A fast reader for what a case register's .xlsx holds: cell values, number formats (to know a
 * date), merged cells, hidden rows and the date system. SheetJS parses every attribute of every
 * cell into objects and took ~4 s for a 100k-row sheet; scanning the XML for just these takes a
 * fraction of it. It returns null for anything it does not expect (a cell without its address, a
 * namespace prefix, a strict-OOXML file), and SheetJS reads the file instead.
 */
type XLSX = typeof import('@e965/xlsx');
type WorkBook = import('@e965/xlsx').WorkBook;
type CellObject = import('@e965/xlsx').CellObject;

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text → its characters; Excel writes a control character as _x000D_. */
function unescape(text: string): string {
	if (!text.includes('&') && !text.includes('_x')) return text;
	return text
		.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
			name[0] === '#' ? String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))) : (ENTITY[name] ?? whole)
		)
		.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ATTRIBUTES = new Map<string, RegExp>();
/** An attribute's value in a tag (its pattern made once: a sheet has a million cells). */
function attr(tag: string, name: string): string | undefined {
	let pattern = ATTRIBUTES.get(name);
	if (!pattern) ATTRIBUTES.set(name, (pattern = new RegExp(`\\s${name}="([^"]*)"`)));
	return pattern.exec(tag)?.[1];
}

/** "AB12" → [row 11, column 27], 0-based. */
function address(ref: string): [number, number] | null {
	const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
	if (!m) return null;
	let c = 0;
	for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
	return [Number(m[2]) - 1, c - 1];
}

/** The text of a shared string or inline string: its runs joined, phonetic guides left out. */
const richText = (xml: string) => [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescape(m[1])).join('');

export interface FastBook extends WorkBook {
	/** Rows each sheet hides (1-based), by sheet name. */
	hiddenRows: Record<string, Set<number>>;
}

export function readXlsxSheets(xlsx: XLSX, bytes: Uint8Array): FastBook | null {
	const zip = xlsx.CFB.read(bytes, { type: 'array' });
	const decoder = new TextDecoder();
	const part = (path: string) => {
		const i = zip.FullPaths.findIndex((p: string) => p.endsWith(`/${path}`));
		const content = i === -1 ? undefined : zip.FileIndex[i].content;
		return content ? decoder.decode(content as Uint8Array) : null;
	};
	const workbook = part('xl/workbook.xml');
	const rels = part('xl/_rels/workbook.xml.rels');
	if (!workbook || !rels || !workbook.includes('<sheets>')) return null;
	const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map(([tag]) => [attr(tag, 'Id'), attr(tag, 'Target')]));
	const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map(([tag]) => ({ name: unescape(attr(tag, 'name') ?? ''), target: targets.get(attr(tag, 'r:id')) }));
	if (sheets.length === 0 || sheets.some((s) => !s.name || !s.target)) return null;
	const date1904 = /<workbookPr\b[^>]*\sdate1904="(1|true)"/.test(workbook);

	const strings = [...(part('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => (m[1] === undefined ? '' : richText(m[1])));
	const styles = part('xl/styles.xml') ?? '';
	const formats = new Map([...styles.matchAll(/<numFmt\b[^>]*>/g)].map(([tag]) => [Number(attr(tag, 'numFmtId')), unescape(attr(tag, 'formatCode') ?? '')]));
	const table = xlsx.SSF.get_table() as Record<number, string>;
	const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
	const formatOfStyle = [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map(([tag]) => {
		const id = Number(attr(tag, 'numFmtId') ?? 0);
		return formats.get(id) ?? table[id];
	});

	const book: FastBook = { SheetNames: [], Sheets: {}, Workbook: { WBProps: { date1904 } }, hiddenRows: {} };
	for (const { name, target } of sheets) {
		const path = target!.replace(/^\/?(xl\/)?/, 'xl/');
		const xml = part(path);
		if (xml === null) return null;
		const data: CellObject[][] = [];
		let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
		for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
			const at = address(attr(m[1], 'r') ?? '');
			if (!at) return null;
			const inner = m[2] ?? '';
			const type = attr(m[1], 't') ?? 'n';
			const raw = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
			let cell: CellObject | undefined;
			if (type === 's' && raw !== undefined) cell = { t: 's', v: strings[Number(raw)] ?? '' };
			else if (type === 'inlineStr') cell = { t: 's', v: richText(inner) };
			else if (type === 'str' && raw !== undefined) cell = { t: 's', v: unescape(raw) };
			else if (type === 'b' && raw !== undefined) cell = { t: 'b', v: raw === '1' || raw === 'true' };
			else if (type === 'e' && raw !== undefined) cell = { t: 'e', v: 0, w: unescape(raw) };
			else if (raw !== undefined && raw.trim() !== '') {
				const style = attr(m[1], 's');
				cell = { t: 'n', v: Number(raw), z: style === undefined ? undefined : formatOfStyle[Number(style)] };
			}
			if (!cell) continue;
			const [r, c] = at;
			(data[r] ??= [])[c] = cell;
			[top, left, bottom, right] = [Math.min(top, r), Math.min(left, c), Math.max(bottom, r), Math.max(right, c)];
		}
		const merges = [...xml.matchAll(/<mergeCell\b[^>]*\sref="([A-Z]+\d+):([A-Z]+\d+)"/g)].map((m) => {
			const [s, e] = [address(m[1])!, address(m[2])!];
			return { s: { r: s[0], c: s[1] }, e: { r: e[0], c: e[1] } };
		});
		const hidden = new Set<number>();
		for (const [tag] of xml.matchAll(/<row\b[^>]*>/g)) if (/\shidden="(1|true)"/.test(tag)) hidden.add(Number(attr(tag, 'r')));
		book.SheetNames.push(name);
		book.hiddenRows[name] = hidden;
		book.Sheets[name] = bottom === -1 ? {} : { '!ref': xlsx.utils.encode_range({ s: { r: top, c: left }, e: { r: bottom, c: right } }), '!data': data, '!merges': merges };
	}
	return book;
}
