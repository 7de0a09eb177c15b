/** Builds the web app when its sources changed; returns whether it built. */
export function buildWeb(): Promise<boolean>;
/** Regenerates the web app's API types when the server's sources changed; returns whether the generator ran. */
export function generateApiTypes(): boolean;
