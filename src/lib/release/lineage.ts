/**
 * A release made against the one published before it (DESIGN.md, "Successive releases"). What
 * was published stays published, so every earlier row is carried unchanged and only what is new
 * is computed: the years after the frozen ones, and the whole period up to the new export as the
 * frozen whole period *as published* plus the new years' people. People the export now places in
 * frozen years (late registrations, corrections) are held back: no new row counts them, so the
 * difference of two releases describes only the new years' people, and those are audited with
 * every row that reveals something of them (the new rows, and each new whole-period row minus
 * the frozen one below it).
 */
import { ALL, OTHER, SCOPE_FIELDS, SEVERAL, UNKNOWN, WITHHELD, type PersonRow, type ReleaseRow, type ScopeField, type ViewName } from '$lib/types';
import { cellKey, sortRows } from './count-tables';
import { SEP } from './levels';
import { audit, bindingRows, type AuditResult, type AuditSummary } from './audit';
import { heldBack, type HeldBack } from './held-back';
import { countByGroup, membersOf, scopeKey, sumOf } from './published-groups';
import { release, type Release, type ReleaseOptions } from './index';
import type { OtherCountries, ViewProblem } from './publish';
import type { ReleaseDocument, Span } from './release-file';

export const spanKey = (s: Span) => `${s.from}-${s.to}`;

export interface LineageRelease extends Pick<Release, 'rows' | 'otherCountries' | 'loss'> {
	audit: AuditSummary[];
	span: Span;
	lineage: ReleaseDocument['lineage'];
	/** Rows carried from the earlier releases, and rows this one adds. */
	frozenRows: number;
	newRows: number;
	/** What the export changed in frozen years: said to staff, never published. */
	heldBack: HeldBack;
	/** Grant periods not published: they start in a frozen year and end after it. */
	straddling: string[];
}

/** Which finest cells of a problem lie under a scope row group (values ALL where summed). */
const scopeMatch = (scope: ScopeField[], values: Record<ScopeField, string>) => (finest: string) => {
	const parts = finest.split(SEP);
	return scope.every((f, i) => values[f] === ALL || values[f] === parts[i]);
};

const scopeOf = scopeKey;

/** One carried node of the new whole period: a published category of the frozen one, with the export categories it holds. */
interface Node {
	category: string;
	members: string[];
	frozen: number;
	added: number;
}

interface WholeGroup {
	values: Record<ScopeField, string>;
	frozenTotal: number;
	added: number;
	/** Per breakdown view; absent = only the total. */
	nodes: Map<ViewName, Node[]>;
}

/**
 * `people`: the new export, normalised; `previous`: the release published before (validated).
 * The first release has none: call `release` instead.
 */
export async function releaseAgainst(people: PersonRow[], previous: ReleaseDocument, opts: ReleaseOptions): Promise<LineageRelease> {
	const scope = previous.scope;
	if (scope.join() !== opts.scope.join()) throw new Error(`the previous release is cut by [${scope}] but the settings ask for [${opts.scope}]: a lineage keeps one scope`);
	const k = Math.max(opts.k, previous.k);
	const frozenSpan = previous.span;
	const frozenPeople = people.filter((p) => p.year <= frozenSpan.to);
	const newPeople = people.filter((p) => p.year > frozenSpan.to && p.n > 0);
	const held = heldBack(frozenPeople, previous, k);
	const straddling = (opts.periods ?? []).filter((p) => p.from <= frozenSpan.to && p.to > frozenSpan.to).map(spanKey);
	const unchanged: LineageRelease = {
		rows: previous.rows,
		otherCountries: previous.otherCountries,
		loss: previous.loss,
		audit: previous.audit,
		span: frozenSpan,
		lineage: previous.lineage,
		frozenRows: previous.rows.length,
		newRows: 0,
		heldBack: held,
		straddling
	};
	if (newPeople.length === 0) return unchanged;

	const fresh = await release(newPeople, { ...opts, k, periods: (opts.periods ?? []).filter((p) => p.from > frozenSpan.to) });
	const newYears = fresh.exact.years;
	const isAllScope = (r: Pick<ReleaseRow, 'organisation' | 'programme' | 'group'>) => r.organisation === ALL && r.programme === ALL && r.group === ALL;
	// The new years' total unpublished (fewer than k people): nothing new yet; they wait for more.
	if (!fresh.rows.some((r) => r.view === 'total' && r.year === ALL && isAllScope(r))) return unchanged;

	const whole = composeWhole(previous, frozenPeople, newPeople, fresh, k);
	const audited = await auditWhole(whole, fresh, { ...opts, k });

	const explicit = spanKey(frozenSpan);
	const renamed = (year: string) => (year === ALL ? explicit : year);
	const newBlock = newYears.length === 1 ? null : `${newYears[0]}-${newYears.at(-1)}`;
	const carried = previous.rows.map((r) => ({ ...r, year: renamed(r.year) }));
	const added = fresh.rows.flatMap((r) => (r.year !== ALL ? [r] : newBlock ? [{ ...r, year: newBlock }] : []));
	const composed = wholeRows(whole);
	const otherCountries: OtherCountries[] = [
		...previous.otherCountries.map((o) => ({ ...o, year: renamed(o.year) })),
		...fresh.otherCountries.flatMap((o) => (o.year !== ALL ? [o] : newBlock ? [{ ...o, year: newBlock }] : [])),
		...[...whole.values()].flatMap((g) => {
			const other = g.nodes.get('nationality')?.find((n) => n.category === OTHER);
			const before = previous.otherCountries.find((o) => o.year === ALL && scopeOf(o) === scopeOf(g.values));
			return other && before ? [{ ...before, year: ALL }] : [];
		})
	];
	const span = { from: Math.min(frozenSpan.from, newYears[0]), to: newYears.at(-1)! };
	const top = [...whole.values()].find(isTop)!;
	return {
		rows: sortRows([...carried, ...added, ...composed]),
		otherCountries,
		loss: { ...fresh.loss, people: top.frozenTotal + top.added, periods: [...previous.periods, ...fresh.loss.periods] },
		audit: mergeAudits(previous.audit, audited),
		span,
		lineage: [...previous.lineage, { exportDate: previous.exportDate, period: explicit, rows: previous.rows.length }],
		frozenRows: carried.length,
		newRows: added.length + composed.length,
		heldBack: held,
		straddling
	};
}

/**
 * The new whole period, row group by row group of the frozen one: its total and each published
 * category as published plus the new years' people, where those are 0 or at least k (a smaller
 * addition would be read off as the difference of the two rows); the rest goes to "Withheld".
 */
function composeWhole(previous: ReleaseDocument, frozenPeople: PersonRow[], newPeople: PersonRow[], fresh: Release, k: number): Map<string, WholeGroup> {
	const views = fresh.exact.views;
	const atAll = () => [ALL];
	const frozen = countByGroup(frozenPeople, previous.scope, views, atAll);
	const added = countByGroup(newPeople, previous.scope, views, atAll);
	const freshTotal = new Set(fresh.rows.filter((r) => r.view === 'total' && r.year === ALL).map(scopeOf));
	const groups = new Map<string, WholeGroup>();
	for (const r of previous.rows) {
		if (r.year !== ALL || r.view !== 'total') continue;
		const key = scopeOf(r);
		const n = added(ALL, key, 'total').get('') ?? 0;
		// The addition must be published by the new years' rows themselves (or be none).
		if (n > 0 && !freshTotal.has(key)) continue;
		groups.set(key, { values: { organisation: r.organisation, programme: r.programme, group: r.group }, frozenTotal: r.n, added: n, nodes: new Map() });
	}
	for (const view of views.filter((v) => v !== 'total'))
		for (const [key, g] of groups) {
			const published = previous.rows.filter((r) => r.year === ALL && r.view === view && scopeOf(r) === key);
			if (published.length === 0) continue;
			const shown = new Set(published.map((r) => r.category));
			const countries = previous.otherCountries.find((o) => o.year === ALL && scopeOf(o) === key)?.countries;
			const nodes: Node[] = [];
			for (const r of published) {
				if (r.category === WITHHELD) continue;
				const members = membersOf(view, r.category, shown, frozen(ALL, key, view), k, countries);
				if (!members || ((members.length > 1 || members[0] !== r.category) && sumOf(frozen(ALL, key, view), members) !== r.n)) continue;
				const n = sumOf(added(ALL, key, view), members);
				if (n === 0 || n >= k) nodes.push({ category: r.category, members, frozen: r.n, added: n });
			}
			g.nodes.set(view, nodes);
			settleWithheld(g, view, k);
		}
	return groups;
}

/** "Withheld" holds nobody or at least k people: smallest categories join it until it does. */
function settleWithheld(g: WholeGroup, view: ViewName, k: number): void {
	const nodes = g.nodes.get(view)!;
	const withheld = () => g.frozenTotal + g.added - nodes.reduce((s, n) => s + n.frozen + n.added, 0);
	while (nodes.length && withheld() > 0 && withheld() < k) {
		const smallest = nodes.reduce((a, b) => (b.frozen + b.added < a.frozen + a.added ? b : a));
		nodes.splice(nodes.indexOf(smallest), 1);
	}
}

function wholeRows(whole: Map<string, WholeGroup>): ReleaseRow[] {
	const rows: ReleaseRow[] = [];
	for (const g of whole.values()) {
		const total = g.frozenTotal + g.added;
		rows.push({ view: 'total', year: ALL, ...g.values, category: '', n: total });
		for (const [view, nodes] of g.nodes) {
			if (nodes.length === 0) continue;
			let shown = 0;
			for (const n of nodes) (rows.push({ view, year: ALL, ...g.values, category: n.category, n: n.frozen + n.added }), (shown += n.frozen + n.added));
			if (total > shown) rows.push({ view, year: ALL, ...g.values, category: WITHHELD, n: total - shown });
		}
	}
	return rows;
}

/** What a new whole-period row reveals of the new years: itself minus the frozen row below it, as a row of the new years' cells. */
interface Derived {
	group: string;
	view: ViewName;
	kind: 'total' | 'category' | 'rest';
	category?: string;
	row: { members: number[]; n: number };
}

function derivedRows(problem: ViewProblem, whole: Map<string, WholeGroup>, fresh: Release): Derived[] {
	const { exact } = fresh;
	const categories = [...new Set([...problem.index.keys()].map((key) => key.slice(key.lastIndexOf(SEP) + 1)))];
	const cellsOf = (g: WholeGroup, of: string[]) => {
		const under = exact.finest.filter(scopeMatch(exact.scope, g.values));
		const out: number[] = [];
		for (const year of exact.years) for (const f of under) for (const c of of) {
			const i = problem.index.get(`${cellKey(year, f)}${SEP}${c}`);
			if (i !== undefined) out.push(i);
		}
		return out;
	};
	const out: Derived[] = [];
	for (const [key, g] of whole) {
		out.push({ group: key, view: problem.view, kind: 'total', row: { members: cellsOf(g, categories), n: g.added } });
		const nodes = g.nodes.get(problem.view);
		if (!nodes?.length) continue;
		for (const n of nodes) out.push({ group: key, view: problem.view, kind: 'category', category: n.category, row: { members: cellsOf(g, n.members), n: n.added } });
		const taken = new Set(nodes.flatMap((n) => n.members));
		const rest = categories.filter((c) => !taken.has(c));
		out.push({ group: key, view: problem.view, kind: 'rest', row: { members: cellsOf(g, rest), n: g.added - nodes.reduce((s, n) => s + n.added, 0) } });
	}
	return out.filter((d) => d.row.members.length > 0);
}

/**
 * The new years' audit again, with what the new whole period reveals of them. A violation takes
 * away the composed row that binds it: a category joins "Withheld", a row group keeps its total
 * only, or loses it (never the top one: its addition is the new years' published total).
 */
async function auditWhole(whole: Map<string, WholeGroup>, fresh: Release, opts: ReleaseOptions): Promise<AuditResult[]> {
	const k = opts.k;
	for (let round = 0; ; round++) {
		const problems = fresh.problems.map((p) => {
			const derived = derivedRows(p, whole, fresh);
			return { problem: { ...p, published: [...p.published, ...derived.map((d) => d.row)] }, derived, base: p.published.length };
		});
		const results = await audit(problems.map((p) => p.problem), k, opts.solver);
		const violations = results.flatMap((r) => r.violations);
		if (violations.length === 0) return results;
		let progress = false;
		for (const v of violations) {
			const { problem, derived, base } = problems.find((p) => p.problem.view === v.view)!;
			const cell = problem.cells.findIndex((c) => c.label === v.cell);
			const binding = (await bindingRows(problem, cell, opts.solver)).filter((r) => r >= base).map((r) => derived[r - base]);
			const pick = binding.find((d) => d.kind === 'category') ?? binding.find((d) => d.kind === 'rest') ?? binding.find((d) => d.kind === 'total');
			if (!pick) continue;
			const g = whole.get(pick.group)!;
			if (pick.kind === 'category') {
				const nodes = g.nodes.get(pick.view)!;
				nodes.splice(nodes.findIndex((n) => n.category === pick.category), 1);
				settleWithheld(g, pick.view, k);
			} else if (pick.kind === 'rest') g.nodes.set(pick.view, []);
			else if (isTop(g)) continue;
			else whole.delete(pick.group);
			progress = true;
		}
		if (!progress || round > 40) throw new Error('The release cannot be protected against the previous one (a bug: please report it)');
	}
}

const isTop = (g: WholeGroup) => SCOPE_FIELDS.every((f) => g.values[f] === ALL);

/** One summary per view over the whole lineage: the frozen rows' audit and the new one. */
function mergeAudits(before: AuditSummary[], now: AuditResult[]): AuditSummary[] {
	const views = [...new Set([...before.map((a) => a.view), ...now.map((a) => a.view)])];
	return views.map((view) => {
		const parts = [...before, ...now].filter((a) => a.view === view);
		const bounds = parts.flatMap((a) => (a.smallestLargest === null ? [] : [a.smallestLargest]));
		return {
			view,
			checked: parts.reduce((s, a) => s + a.checked, 0),
			smallestLargest: bounds.length ? Math.min(...bounds) : null,
			violations: parts.flatMap((a) => a.violations)
		};
	});
}

/** Lines for the release command's report (and /upload's): what was carried, what is new, what is held back. */
export function formatLineage(r: Pick<LineageRelease, 'frozenRows' | 'newRows' | 'heldBack' | 'lineage' | 'span' | 'straddling'>): string {
	const from = r.lineage.at(-1);
	const lines = [
		r.newRows === 0
			? `lineage: nothing new to publish: the previous release's ${r.frozenRows} rows are kept as they are (the new years have fewer than k people, or there are none)`
			: `lineage: ${r.frozenRows} rows frozen${from ? ` (published ${from.exportDate}, whole period now "${from.period}")` : ''}, ${r.newRows} new; whole period ${r.span.from}-${r.span.to}`,
		`Held back: ${r.heldBack.people}${r.heldBack.people ? ' (changes in frozen years, not in any new row; publish them with a revision)' : ''}`,
		...r.heldBack.years.map((y) =>
			[`  ${y.year}:`, y.late && `${y.late} late registration${y.late === 1 ? '' : 's'}`, y.removed && `${y.removed} removed`, y.corrected && `${y.corrected} corrected`].filter(Boolean).join(' ')
		),
		...r.straddling.map((p) => `grant period ${p} not published: it starts in a frozen year (its years are published one by one)`)
	];
	return lines.join('\n');
}
