/**
 * The release: normalised people → linked count tables at every level, audited. One transform
 * for the build (Node) and /upload (browser).
 *
 * The heuristic in protect.ts hides what the usual attacks need; the audit (a linear programme
 * per view) then checks every small hidden cell against everything published. Where it finds one
 * that could still be pinned below k, the cell's finest published ancestor that shows its
 * category hides it too, and the release is protected and audited again — so what is published
 * has always passed the audit, whatever the heuristic missed.
 */
import type { PersonRow, ReleaseRow, ScopeField } from '$lib/types';
import { exactCounts } from './count-tables';
import { buildLevels, fineToCoarse, groupKey, holds, SEP } from './levels';
import { forcedCell, noForced, protect, type Forced, type Protection } from './protect';
import { auditProblems, cellLabel, levelLosses, publishedRows, type OtherCountries } from './publish';
import { audit, formatAudit, type AuditResult, type AuditViolation, type Highs } from './audit';
import { lossWarnings, type LossReport } from './loss-report';

export { countTables, exactCounts } from './count-tables';
export { checkK, MIN_K } from './protect';

export interface ReleaseOptions {
	k: number;
	scope: ScopeField[];
	/** Grant periods, each published as its own level. */
	periods?: { from: number; to: number }[];
	/** HiGHS for the audit (the browser passes its self-hosted wasm). */
	solver?: () => Promise<Highs>;
}

export interface Release {
	rows: ReleaseRow[];
	otherCountries: OtherCountries[];
	loss: LossReport;
	audit: AuditResult[];
	/** Rounds of protect → audit (1 when the heuristic was enough). */
	rounds: number;
}

/** Enough for any release met so far (the sample needs 1); more means something is wrong. */
const MAX_ROUNDS = 40;

export async function release(people: Iterable<PersonRow>, opts: ReleaseOptions): Promise<Release> {
	const exact = exactCounts(people, opts.scope);
	const levels = buildLevels(exact.years, exact.finest, exact.scope, opts.periods ?? []);
	const forced = noForced();
	for (let round = 1; ; round++) {
		const protection = protect(exact, levels, opts.k, forced);
		const results = await audit(auditProblems(protection), opts.k, opts.solver);
		const violations = results.flatMap((r) => r.violations);
		if (violations.length === 0) {
			const { rows, otherCountries } = publishedRows(protection);
			const all = levelLosses(protection);
			const views = all.filter((l) => l.period === 'all' && l.scope === 'all');
			const loss: LossReport = {
				k: opts.k,
				scope: exact.scope,
				people: protection.totals.get(groupKey(levels.periods[0].key, levels.scopes[0]?.key ?? '')) ?? 0,
				periods: levels.periods.filter((p) => p.kind === 'grant').map((p) => p.key),
				views,
				levels: all,
				warnings: lossWarnings(views)
			};
			return { rows, otherCountries, loss, audit: results, rounds: round };
		}
		if (round >= MAX_ROUNDS || !repair(protection, forced, violations))
			throw new Error(`The release cannot be protected (a bug: please report it):\n${formatAudit(results, opts.k)}`);
	}
}

/** Hide more where a violation was found; false when nothing is left to hide. */
function repair(p: Protection, forced: Forced, violations: AuditViolation[]): boolean {
	const cells = new Map<string, { year: number; finest: string; category: string }>();
	for (const [key, counts] of p.exact.cells) {
		const [year, ...finest] = key.split(SEP);
		counts.forEach((byCategory, v) => {
			for (const category of byCategory.keys()) cells.set(`${p.exact.views[v]}${SEP}${cellLabel(key, category)}`, { year: Number(year), finest: finest.join(SEP), category });
		});
	}
	let progress = false;
	const related = new Map<string, string[]>();
	for (const rel of p.levels.relations)
		for (const g of [rel.parent, ...rel.children]) related.set(g, [...(related.get(g) ?? []), rel.parent, ...rel.children]);
	for (const violation of violations) {
		const cell = cells.get(`${violation.view}${SEP}${violation.cell}`);
		if (!cell) continue;
		const states = p.breakdowns.get(violation.view);
		// Where the cell's count is published: a total, or its category as itself.
		const shown = (g: string) => {
			if ((p.totals.get(g) ?? 0) === 0 || p.hiddenTotals.has(g)) return false;
			if (!states) return true;
			const node = states.get(g)?.nodeOf.get(cell.category);
			return !!node && !node.hidden && node.n > 0 && node.members.length === 1;
		};
		// Hide its category where it is published: in a row group that holds it (finest first), else
		// one relation further at a time from those; the headline levels (the whole period and the
		// grant periods for all organisations: what donors read) last.
		const headline = (g: string) => p.levels.groups.get(g)!.scope.depth === 0 && p.levels.groups.get(g)!.period.kind !== 'year';
		const ancestors = [...p.levels.groups.values()].filter((g) => holds(g, cell.year, cell.finest)).map((g) => g.key);
		const seen = new Set(ancestors);
		let frontier = ancestors;
		let pick = ancestors
			.map((g) => p.levels.groups.get(g)!)
			.sort(fineToCoarse)
			.find((g) => shown(g.key) && !headline(g.key))?.key;
		while (!pick && frontier.length) {
			const next = [...new Set(frontier.flatMap((g) => related.get(g) ?? []))].filter((g) => !seen.has(g));
			next.forEach((g) => seen.add(g));
			pick = next
				.filter((g) => shown(g) && !headline(g))
				.map((g) => p.levels.groups.get(g)!)
				.sort((a, b) => fineToCoarse(a, b) || (p.totals.get(a.key) ?? 0) - (p.totals.get(b.key) ?? 0))[0]?.key;
			frontier = next;
		}
		let category = cell.category;
		if (!pick && states) {
			// Pinned through "Withheld": it gets one more category where the cell is, finest first.
			const ancestor = ancestors
				.map((g) => p.levels.groups.get(g)!)
				.sort(fineToCoarse)
				.map((g) => states.get(g.key)?.nodes.filter((n) => !n.hidden && n.n > 0).sort((a, b) => a.n - b.n)[0] && g.key)
				.find((g) => g);
			const node = ancestor ? states.get(ancestor)!.nodes.filter((n) => !n.hidden && n.n > 0).sort((a, b) => a.n - b.n)[0] : undefined;
			if (ancestor && node) (pick = ancestor), (category = node.members[0]);
		}
		pick ??= ancestors.map((g) => p.levels.groups.get(g)!).sort(fineToCoarse).find((g) => shown(g.key))?.key;
		if (!pick) continue;
		if (!states) forced.totals.add(pick);
		else {
			const mine = forced.cells.get(violation.view) ?? new Set<string>();
			if (mine.has(forcedCell(pick, category))) continue;
			forced.cells.set(violation.view, mine.add(forcedCell(pick, category)));
		}
		progress = true;
	}
	return progress;
}
