declare global {
	namespace App {
		interface Locals {
			/** Prerendered chart SVGs, by chart id: into the page's HTML, not its data (hooks.server.ts). */
			charts?: Record<string, string>;
		}
	}
}

export {};
