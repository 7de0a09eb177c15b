export function startTempPostgres(): Promise<{ url: string; dir: string }>;
export function stopTempPostgres(dir: string): void;
