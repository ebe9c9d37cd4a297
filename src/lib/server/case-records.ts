/**
 * Case records never go where the public can read them: a build on a CI runner or a static host
 * is a build from a repository, and an export in that repository's data/ is every case record on
 * the internet, however well the site protects them. So such a build refuses raw exports (unless
 * settings mark them synthetic) and says what to do instead; a local build only warns.
 */

/** Variables CI runners and static hosts set while they build (GitHub Actions and most CIs set CI). */
const HOSTING = ['CI', 'GITHUB_ACTIONS', 'GITLAB_CI', 'NETLIFY', 'CF_PAGES', 'VERCEL', 'RENDER', 'BUILD_ID'] as const;

/** The variable that says this build runs on a CI runner or a host, if any. */
export function hostingVariable(env: Record<string, string | undefined>): string | null {
	return HOSTING.find((name) => env[name] !== undefined && env[name] !== '' && env[name] !== 'false' && env[name] !== '0') ?? null;
}

const WHAT_TO_DO =
	'Publish a release instead: drop the exports on /upload (or run `npm run release -- FILE…` on your computer) and put the release.json it gives in data/, in place of the exports. If these exports are synthetic test data, set "synthetic": true in data/settings.json.';

/** Throws on a CI runner or host; returns the warning to print once otherwise. */
export function checkCaseRecords(files: string[], synthetic: boolean, env: Record<string, string | undefined>): string | null {
	if (files.length === 0 || synthetic) return null;
	const variable = hostingVariable(env);
	const list = files.join(', ');
	if (variable)
		throw new Error(`data/ holds case-level exports (${list}) and this build runs on a CI runner or a host (${variable} is set): case records must never be built from a repository. ${WHAT_TO_DO}`);
	return `data/ holds case-level exports (${list}): keep them on this computer, never in a repository (.gitignore leaves them out). ${WHAT_TO_DO}`;
}
