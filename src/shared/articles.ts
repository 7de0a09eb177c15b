/**
 * The criminal-code articles of military refusal the tracker counts and crawls by default: 337 (leaving a unit
 * without leave), 338 (desertion), 332 (failing an order), 339 (evading service by deceit or self-harm) and
 * 352.1 (voluntary surrender). Written here once for the parser's counts, the crawl plan and the guidance.
 */
export const DEFAULT_ARTICLES: readonly string[] = Object.freeze(['337', '338', '332', '339', '352.1']);
