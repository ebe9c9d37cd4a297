/**
 * The privacy transform (DESIGN.md, "Privacy and accuracy"): exact counts in, linked tables at
 * every level out, in which no row stands for 1 to k−1 people and no hidden count can be worked
 * out by subtraction.
 *
 * 1. Totals (period × scope cell): a cell below k is hidden; then, along every relation ("a grant
 *    period is the sum of its years", "all organisations are the sum of each"), a relation that
 *    hides one member only, or whose hidden children hold fewer than k people, hides its smallest
 *    shown child too (the parent only when no child is left): the fine levels give way, the
 *    coarse ones stay exact. A breakdown is published only where its total is.
 * 2. Per row group and breakdown, primary protection: small age bands fold into child/adult, small
 *    countries and oblasts into "Other", what is still small is withheld, and "Withheld" grows
 *    until it holds at least k people of two categories or more.
 * 3. Secondary protection, category by category, along the same relations and the same rule;
 *    the finest table (each year × each organisation) keeps its totals only. Where a breakdown
 *    has a choice — which node joins "Withheld", which member of a relation is hidden — it takes
 *    the one that loses least with the partners it then asks for (withhold-cost.ts), not merely
 *    the smallest.
 * `forced` adds hides asked for by the audit (see index.ts) when this heuristic was not enough.
 * `frozen` row groups were published before (a release made against an earlier one): they keep
 * what was published, shown or hidden, and the relations find their partners elsewhere.
 */
import { OTHER, SEVERAL, UNKNOWN, WITHHELD, type ViewName } from '$lib/types';
import { cellKey, type ExactCounts } from './count-tables';
import { SEP, type Levels, type Relation } from './levels';
import { compareLoss, lossOf, withheldAfter, type Hidden, type Loss, type Rule } from './withhold-cost';

export const MIN_K = 5;

export function checkK(k: number): void {
	if (!Number.isInteger(k) || k < MIN_K) throw new Error(`k must be a whole number of at least ${MIN_K} (got ${k})`);
}

const CHILD_BANDS = ['0-4', '5-11', '12-17', 'child'];
const ADULT_BANDS = ['18-59', '60+', 'adult'];
/** Categories that are never folded into "Other": they are not one country, oblast or type of exploitation. */
const NOT_FOLDABLE = new Set(['stateless', UNKNOWN, SEVERAL]);
/** Views whose small categories fold into "Other" (nationalities, regions, types of exploitation). */
const FOLD_INTO_OTHER: ViewName[] = ['nationality', 'region', 'exploitation'];

/** One published category of a row group: a category of the export, or a parent it was folded into. */
export interface PublishedNode {
	category: string;
	members: string[];
	n: number;
	hidden: boolean;
	/** People folded in from small members (0 for a category published as itself). */
	folded: number;
}

export interface GroupState {
	counts: Map<string, number>;
	nodes: PublishedNode[];
	nodeOf: Map<string, PublishedNode>;
}

export interface Protection {
	k: number;
	exact: ExactCounts;
	levels: Levels;
	totals: Map<string, number>;
	/** Row groups whose total is not published (nor any breakdown of them). */
	hiddenTotals: Set<string>;
	/** Breakdown view → row groups published (those whose total is). */
	breakdowns: Map<ViewName, Map<string, GroupState>>;
	/** Row groups published by an earlier release: carried from it, not published again. */
	frozen: Set<string>;
	/** Per breakdown, what withholding a shown node of a row group would lose (withhold-cost.ts): for the audit's repairs. */
	loss: Map<ViewName, (group: string, node: PublishedNode) => Loss>;
}

/** What an earlier release published of some row groups: view → category → n ('total': '' → n); a group without rows published nothing. */
export type Frozen = Map<string, Map<ViewName, Map<string, number>>>;

/** The export does not give what was published: held-back changes in a frozen row group. */
export class FrozenMismatch extends Error {}

/** Hides the audit asked for: row groups of the total, and (row group, category) of a breakdown. */
export interface Forced {
	totals: Set<string>;
	cells: Map<ViewName, Set<string>>;
}

export const noForced = (): Forced => ({ totals: new Set(), cells: new Map() });
export const forcedCell = (group: string, category: string) => `${group}${SEP}${category}`;

/** Raw counts of every row group of a view (index `v` in exact.views). */
function groupCounts(exact: ExactCounts, levels: Levels, v: number): Map<string, Map<string, number>> {
	const out = new Map<string, Map<string, number>>();
	for (const g of levels.groups.values()) {
		const counts = new Map<string, number>();
		for (const year of g.period.years)
			for (const finest of g.scope.finest) {
				const cell = exact.cells.get(cellKey(year, finest));
				if (cell) for (const [c, n] of cell[v]) counts.set(c, (counts.get(c) ?? 0) + n);
			}
		out.set(g.key, counts);
	}
	return out;
}

/**
 * One relation under the rule: a member the attacker cannot see is not alone (its value would be
 * the others' difference), and when the parent is shown, the hidden children hold none or at
 * least k people. A hidden member may hold nobody: an attacker cannot tell. Returns the members
 * that may be hidden next, the one the rule prefers by size first (none: the relation is safe);
 * `canHide` says where hiding would protect anything.
 */
function partners(rel: Relation, k: number, value: (g: string) => number, hidden: (g: string) => boolean, canHide: (g: string) => boolean): string[] {
	const parentShown = !hidden(rel.parent) && value(rel.parent) > 0;
	const hiddenMembers = [rel.parent, ...rel.children].filter(hidden);
	const hiddenSum = rel.children.filter(hidden).reduce((s, c) => s + value(c), 0);
	const alone = hiddenMembers.length === 1 && value(hiddenMembers[0]) > 0;
	if (!alone && !(parentShown && hiddenSum > 0 && hiddenSum < k)) return [];
	// The smallest shown child; else a child shown to hold nobody, which a "Withheld" there makes
	// uncertain; the parent last.
	const shown = rel.children.filter((c) => !hidden(c) && canHide(c));
	const holding = shown.filter((c) => value(c) > 0).sort((a, b) => value(a) - value(b) || (a < b ? -1 : 1));
	if (holding.length) return holding;
	if (shown.length) return [shown[0]];
	return parentShown && canHide(rel.parent) ? [rel.parent] : [];
}

const nextHide = (...args: Parameters<typeof partners>): string | undefined => partners(...args)[0];

function protectTotals(levels: Levels, totals: Map<string, number>, k: number, forced: Set<string>, frozen: Frozen): Set<string> {
	const hidden = new Set<string>(forced);
	for (const [g, n] of totals) if (n > 0 && n < k) hidden.add(g);
	for (const [g, rows] of frozen) {
		const n = rows.get('total')?.get('');
		if (n === undefined) hidden.add(g);
		else if (n !== (totals.get(g) ?? 0)) throw new FrozenMismatch(`${g.split(SEP).join(' · ')}: published ${n}, the export gives ${totals.get(g) ?? 0}`);
		else hidden.delete(g);
	}
	const value = (g: string) => totals.get(g) ?? 0;
	for (let changed = true; changed; ) {
		changed = false;
		for (const rel of levels.relations) {
			const pick = nextHide(rel, k, value, (g) => hidden.has(g) || value(g) === 0, (g) => !frozen.has(g));
			if (pick) (hidden.add(pick), (changed = true));
		}
	}
	return hidden;
}

/** Primary protection of one row group: fold, then mark what is still small. */
function foldGroup(view: ViewName, counts: Map<string, number>, k: number): GroupState {
	const small = (c: string) => {
		const n = counts.get(c) ?? 0;
		return n > 0 && n < k;
	};
	const nodes: PublishedNode[] = [];
	const taken = new Set<string>();
	const addNode = (category: string, members: string[], folded: boolean) => {
		const n = members.reduce((s, c) => s + (counts.get(c) ?? 0), 0);
		members.forEach((c) => taken.add(c));
		nodes.push({ category, members, n, hidden: false, folded: folded ? n - (counts.get(category) ?? 0) : 0 });
	};
	if (view === 'sex_age') {
		const sexes = new Set([...counts.keys()].map((c) => c.split('|')[0]));
		for (const sex of [...sexes].sort())
			for (const [bands, parent] of [[CHILD_BANDS, 'child'], [ADULT_BANDS, 'adult']] as const) {
				const members = bands.map((b) => `${sex}|${b}`).filter((c) => counts.has(c));
				if (members.some((c) => small(c) && c !== `${sex}|${parent}`)) addNode(`${sex}|${parent}`, members, true);
			}
	} else if (FOLD_INTO_OTHER.includes(view)) {
		const members = [...counts.keys()].filter((c) => !NOT_FOLDABLE.has(c) && small(c)).sort();
		// An export's own "Other" (CTDC's type "Other") is where the small types go too: one "Other".
		if (members.length && counts.has(OTHER) && !members.includes(OTHER)) members.push(OTHER);
		if (members.length) addNode(OTHER, members, true);
	}
	for (const c of [...counts.keys()].sort()) if (!taken.has(c)) addNode(c, [c], false);
	for (const node of nodes) node.hidden = node.n > 0 && node.n < k;
	const nodeOf = new Map<string, PublishedNode>();
	for (const node of nodes) for (const c of node.members) nodeOf.set(c, node);
	return { counts, nodes, nodeOf };
}

/** The aggregates a breakdown is also related along (sex × child, sex × adult): category → members. */
function families(view: ViewName, categories: Iterable<string>): Map<string, string[]> {
	const out = new Map<string, string[]>();
	if (view !== 'sex_age') return out;
	for (const c of categories) {
		const [sex, age] = c.split('|');
		for (const [bands, parent] of [[CHILD_BANDS, 'child'], [ADULT_BANDS, 'adult']] as const)
			if (bands.includes(age)) out.set(`${sex}|${parent}*`, [...(out.get(`${sex}|${parent}*`) ?? []), c]);
	}
	return out;
}

/** The smallest shown node of a group: the next one to join its "Withheld". */
export const smallestShown = (state: GroupState | undefined) =>
	state?.nodes.filter((n) => !n.hidden && n.n > 0).sort((a, b) => a.n - b.n || (a.category < b.category ? -1 : 1))[0];

/** "Withheld" holds nobody, or at least k people of two categories or more. */
function withheldNeedsMore(state: GroupState, k: number): boolean {
	const hidden = state.nodes.filter((n) => n.hidden && n.n > 0);
	if (hidden.length === 0) return false;
	const members = hidden.reduce((s, n) => s + n.members.filter((c) => (state.counts.get(c) ?? 0) > 0).length, 0);
	return members < 2 || hidden.reduce((s, n) => s + n.n, 0) < k;
}

function protectBreakdown(view: ViewName, v: number, p: { exact: ExactCounts; levels: Levels; totals: Map<string, number>; hiddenTotals: Set<string>; k: number; frozen: Frozen }, forced: Set<string>) {
	const { levels, k, frozen } = p;
	const all = groupCounts(p.exact, levels, v);
	const states = new Map<string, GroupState>();
	for (const [g, counts] of all) if (!p.hiddenTotals.has(g) && [...counts.values()].some((n) => n > 0)) states.set(g, foldGroup(view, counts, k));
	for (const key of forced) {
		const at = key.lastIndexOf(SEP);
		const node = states.get(key.slice(0, at))?.nodeOf.get(key.slice(at + 1));
		if (node) node.hidden = true;
	}
	for (const [g, rows] of frozen) {
		const state = states.get(g);
		const shown = rows.get(view) ?? new Map<string, number>();
		for (const node of state?.nodes ?? []) {
			const n = shown.get(node.category);
			node.hidden = n === undefined;
			if (n !== undefined && n !== node.n) throw new FrozenMismatch(`${g.split(SEP).join(' · ')} · ${node.category}: published ${n}, the export gives ${node.n}`);
		}
		for (const c of shown.keys())
			if (c !== WITHHELD && !state?.nodes.some((node) => node.category === c)) throw new FrozenMismatch(`${g.split(SEP).join(' · ')} · ${c}: published, not in the export`);
	}
	const categories = new Set<string>();
	for (const counts of all.values()) for (const c of counts.keys()) categories.add(c);
	const related = [...[...categories].sort().map((c) => [c, [c]] as const), ...families(view, categories)];

	// A category's value in a group, and whether it is published there as itself (or, for an
	// aggregate, as its node or through all of its members).
	const value = (g: string, members: readonly string[]) => members.reduce((s, c) => s + (all.get(g)!.get(c) ?? 0), 0);
	const known = (g: string, members: readonly string[]) => {
		const state = states.get(g);
		if (!state) return false;
		const present = members.filter((c) => (state.counts.get(c) ?? 0) > 0);
		// Nobody: a zero is seen only where nothing of the group is withheld.
		if (present.length === 0) return state.nodes.every((node) => !node.hidden || node.n === 0);
		const node = state.nodeOf.get(present[0])!;
		if (!node.hidden && present.every((c) => state.nodeOf.get(c) === node) && node.members.every((c) => members.includes(c))) return true;
		return present.every((c) => {
			const own = state.nodeOf.get(c)!;
			return !own.hidden && own.members.length === 1;
		});
	};
	// A group with one category left to show hides it by publishing no breakdown at all: its
	// total alone does not say which categories are behind it.
	const canHide = (g: string) => states.has(g) && !frozen.has(g);
	// The node the rule hides in a group for a category set: the smallest of theirs shown; nobody
	// of these here: another shown node goes to "Withheld" instead (`instead`: the cheapest, or in
	// a look-ahead the smallest).
	const nodeToHide = (g: string, members: readonly string[], instead: (state: GroupState) => PublishedNode | undefined) => {
		const state = states.get(g)!;
		const shown = members.map((c) => state.nodeOf.get(c)!).filter((node) => node && !node.hidden && node.n > 0);
		return shown.sort((a, b) => a.n - b.n)[0] ?? (members.every((c) => !state.counts.get(c)) ? instead(state) : undefined);
	};
	const hide = (g: string, members: readonly string[]) => {
		const node = nodeToHide(g, members, (state) => cheapestShown(g, state));
		if (node) node.hidden = true;
		return !!node;
	};

	// The finest table (each year × the finest scope cells) publishes its totals only: partly
	// hidden, its cells were pinned by the coarser rows above them (measured on the sample: 17
	// cells below k pinned, in 6 rounds of repairs, which then hid categories of the whole period).
	// A cell alone in its year (one organisation) is its parent row group: it tells nothing more.
	for (const rel of levels.relations) {
		const group = levels.groups.get(rel.children[0])!;
		const siblings = rel.children.every((c) => levels.groups.get(c)!.period === group.period);
		if (!siblings || group.period.kind !== 'year' || group.scope.depth !== levels.depth || levels.depth === 0) continue;
		const present = rel.children.filter((c) => (p.totals.get(c) ?? 0) > 0);
		if (present.length > 1) for (const c of present) if (!frozen.has(c)) for (const node of states.get(c)?.nodes ?? []) node.hidden = true;
	}

	// What withholding a node costs: its people and the partners it makes the relations ask for
	// (withhold-cost.ts); the cheapest goes to "Withheld" first, not merely the smallest.
	const relationsOf = new Map<string, Relation[]>();
	for (const rel of levels.relations) for (const g of [rel.parent, ...rel.children]) relationsOf.set(g, [...(relationsOf.get(g) ?? []), rel]);
	const setsOf = new Map<string, (readonly string[])[]>();
	for (const [, members] of related) for (const c of members) setsOf.set(c, [...(setsOf.get(c) ?? []), members]);
	const hiding = (node: PublishedNode): Hidden => {
		const was = node.hidden;
		node.hidden = true;
		// "Other" is no category of its own (its members are unknown one by one already); a sex's
		// children or adults, folded, still are.
		return { n: node.n, named: node.category !== OTHER, categories: node.members, undo: () => (node.hidden = was) };
	};
	const rule: Rule = {
		relationsOf: (g) => relationsOf.get(g) ?? [],
		setsOf: (categories) => [...new Set(categories.flatMap((c) => setsOf.get(c) ?? []))],
		pick: (rel, members) => nextHide(rel, k, (g) => value(g, members), (g) => !known(g, members), canHide),
		hide: (g, members) => {
			const node = nodeToHide(g, members, smallestShown);
			return node && hiding(node);
		}
	};
	const loss = (g: string, node: PublishedNode): Loss => lossOf(withheldAfter(rule, g, node.members, () => hiding(node)), k);
	// Of the members a relation may hide, the one that loses least with the partners it asks for
	// in turn, not merely the smallest (measured on the sample: 3 more sex × age counts of ≥ 2k
	// published — men in 2019, 2020, 2025 — and one fewer, boys in 2024). The look-ahead's own
	// partners are by size (rule.pick): it estimates, it does not search.
	const cheapestPartner = (candidates: string[], members: readonly string[]) => {
		if (candidates.length < 2) return candidates[0];
		const costed = candidates.flatMap((g) => {
			const node = nodeToHide(g, members, smallestShown);
			return node ? [{ g, loss: loss(g, node) }] : [];
		});
		return costed.sort((a, b) => compareLoss(a.loss, b.loss))[0]?.g ?? candidates[0];
	};
	const cheapestShown = (g: string, state: GroupState) => {
		const shown = state.nodes.filter((n) => !n.hidden && n.n > 0);
		if (shown.length < 2) return shown[0];
		return shown.map((node) => ({ node, loss: loss(g, node) })).sort((a, b) => compareLoss(a.loss, b.loss) || (a.node.category < b.node.category ? -1 : 1))[0].node;
	};

	// The relations first, to a fixed point, then one more node for each "Withheld" that needs it:
	// so a node's look-ahead sees only the partners its own hiding asks for.
	for (let changed = true; changed; ) {
		changed = false;
		for (let again = true; again; ) {
			again = false;
			for (const rel of levels.relations)
				for (const [, members] of related) {
					const pick = cheapestPartner(partners(rel, k, (g) => value(g, members), (g) => !known(g, members), canHide), members);
					if (pick && hide(pick, members)) again = changed = true;
				}
		}
		for (const [g, state] of states)
			if (!frozen.has(g) && withheldNeedsMore(state, k)) {
				const next = cheapestShown(g, state);
				if (next) next.hidden = changed = true;
			}
	}
	return { states, loss };
}

export function protect(exact: ExactCounts, levels: Levels, k: number, forced: Forced = noForced(), frozen: Frozen = new Map()): Protection {
	checkK(k);
	const totals = new Map<string, number>();
	for (const [g, counts] of groupCounts(exact, levels, 0)) totals.set(g, counts.get('') ?? 0);
	const hiddenTotals = protectTotals(levels, totals, k, forced.totals, frozen);
	const breakdowns = new Map<ViewName, Map<string, GroupState>>();
	const losses = new Map<ViewName, (group: string, node: PublishedNode) => Loss>();
	const p = { exact, levels, totals, hiddenTotals, k, frozen };
	exact.views.forEach((view, v) => {
		if (view === 'total') return;
		const { states, loss } = protectBreakdown(view, v, p, forced.cells.get(view) ?? new Set());
		breakdowns.set(view, states);
		losses.set(view, loss);
	});
	return { k, exact, levels, totals, hiddenTotals, breakdowns, frozen: new Set(frozen.keys()), loss: losses };
}
