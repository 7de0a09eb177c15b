/**
 * Personal names are stored only as a keyed hash (exact lookup) plus initials; the name model lives in
 * src/privacy/names.ts (a low layer every part may use). Re-exported here for the case store's callers.
 */
export { initials, isHiddenName, NameContext, nameHash, normaliseName, redactDeep, redactNames, redactTexts } from '../../privacy/names.ts';
