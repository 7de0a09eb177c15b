/**
 * The mark every SYNTHETIC court page carries (rendered by src/courts/synthetic, served by the simulator), by
 * which the parser tells it from a real page. Imports nothing: the parser and the renderer both use it.
 */
export const SYNTHETIC_MARKER = '<meta name="otkaz-synthetic" content="true">';
