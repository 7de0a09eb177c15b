/** What the deletion watch looks at, and how it saw a card's answer (shared by its classification and list readers). */
export const WATCH_EVIDENCE = ['http_404', 'not_found_page', 'absent_from_list', 'card_served', 'listed'] as const;
export type WatchEvidence = (typeof WATCH_EVIDENCE)[number];

/** The courts and cases a watch run covers (none given: every known case). */
export interface WatchScope {
  courts?: readonly string[] | undefined;
  cases?: readonly number[] | undefined;
}
