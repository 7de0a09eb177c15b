import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The bundled real files (provenance: assets/asylum/manifest.json). */
export const ASSETS = path.resolve(here, '../../assets/asylum');
/** Hand-written format samples (test/fixtures/asylum/SOURCES.md). */
export const SAMPLES = path.resolve(here, '../fixtures/asylum');
