import type { BuildOptions, BuildResult } from 'esbuild';

export const NODE_BUNDLE_SCRIPT: string;
export const NODE_BUNDLE_OPTIONS: Readonly<BuildOptions>;
/** Runs esbuild with the shared options and `options`. */
export function bundleForNode<T extends BuildOptions>(options: T): Promise<BuildResult<T>>;
