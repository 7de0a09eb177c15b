/** Builds the web app when its sources changed; returns whether it built. */
export function buildWeb(): Promise<boolean>;
