import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '$lib/server/engine-node';
import type { Engine } from '$lib/db/engine';
import { decode } from './decode';
import { decodeLegacy } from './legacy-encodings';
import { loadExports } from './load-export';
import { cp1251, encodeAs } from '../../../tests/fixtures/encodings';

let engine: Engine;
beforeAll(async () => (engine = await createNodeEngine()), 30_000);
afterAll(() => engine.close());

const JAPANESE = 'id,year,sex,プログラム\nA1,2024,F,シェルター支援\nA2,2024,M,法律相談サービス\nA3,2023,F,シェルター支援\n';
const WESTERN = 'id,year,sex,programme\nA1,2024,F,Éducation et santé\nA2,2024,M,Protección de niños\nA3,2023,F,Sécurité alimentaire\nA4,2023,M,Atención jurídica\n';

describe('decodeLegacy(bytes), decode(bytes): not UTF-8', () => {
	it('reads Windows-1251 as before: Russian text, Latin names among it, a stray byte in ASCII', () => {
		expect(decodeLegacy(cp1251('Код;Организация;Гражданство;Область\nA1;ООО Tunuk;Кыргызстан;Чуй\nA2;Sezim Crisis Centre;Узбекистан;Ош\n'))).toMatchObject({ encoding: 'windows-1251', known: true });
		// A Latin name typed with a Cyrillic letter (another keyboard layout) is no other encoding.
		expect(decodeLegacy(cp1251('Код;Организация;Гражданство\nA1;Bishkeк;Кыргызстан\nA2;Osh;Узбекистан\n'))).toMatchObject({ known: true });
		expect(decodeLegacy(Uint8Array.from([...new TextEncoder().encode('year,sex\n2024,F'), 0xe9, 10]))).toMatchObject({ encoding: 'windows-1251', known: true });
	});

	it('reads Shift-JIS as Shift-JIS, not as Windows-1251', () => {
		expect(decodeLegacy(encodeAs('shift_jis', JAPANESE))).toMatchObject({ encoding: 'shift_jis', known: true });
		const decoded = decode(encodeAs('shift_jis', JAPANESE));
		expect(decoded.encoding).toBe('shift_jis');
		expect(decoded.text).toBe(JAPANESE);
	});

	it('says so of text in another encoding (Windows-1252 read as 1251 mixes alphabets in a word: “Cafй”)', () => {
		expect(decodeLegacy(encodeAs('windows-1252', WESTERN))).toMatchObject({ encoding: 'windows-1251', known: false });
	});

	it('reads UTF-8 with a damaged byte as before, not as another encoding', () => {
		const russian = new TextEncoder().encode('Код;Гражданство;Область\nA1;Кыргызстан;Чуй\nA2;Узбекистан;Ош\n');
		russian[30] = 0xff;
		expect(decodeLegacy(russian)).toMatchObject({ known: true });
	});
});

describe('loadExports(engine, [a file in a legacy encoding])', () => {
	it('loads a Shift-JIS export with its Japanese header and values', async () => {
		const result = await loadExports(engine, [{ name: 'japan.csv', bytes: encodeAs('shift_jis', JAPANESE) }]);
		const [file] = result.files;
		expect(file.encoding).toBe('shift_jis');
		expect(file.headers).toEqual(['id', 'year', 'sex', 'プログラム']);
		expect([result.rowsRead, result.rowsLoaded, result.people]).toEqual([3, 3, 3]);
	});

	it('refuses a Windows-1252 export, saying to save it as UTF-8, rather than read it as nonsense', async () => {
		const [file] = (await loadExports(engine, [{ name: 'western.csv', bytes: encodeAs('windows-1252', WESTERN) }])).files;
		expect(file.error).toBe(
			'western.csv: the text is in an encoding other than UTF-8, UTF-16 or Windows-1251. Save it as CSV (File → Save as → CSV UTF-8) and drop that file.'
		);
	});
});
