export const CLI_DIST: string;
export const CLI_ENTRY: string;
export const KEEP_MS: number;
/** What the CLI's bundle is made from. */
export function cliSources(): string[];
/** The main.js of the bundle of `sources`, built into a digest folder under `outRoot` when missing. */
export function cliBundle(options?: { sources?: string[]; entry?: string; outRoot?: string; umask?: number }): Promise<string>;
/** Removes (best effort) the bundles under `outRoot` other than `keep` that nobody uses, and dead builds' folders. */
export function removeOldBundles(outRoot: string, keep: string, now?: number): void;
