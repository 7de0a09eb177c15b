import { projectPath } from '../../src/shared/paths.ts';

// From the project folder, not this file's: the test runner runs the tests bundled (scripts/build-tests.mjs).
/** The bundled real files (provenance: assets/asylum/manifest.json). */
export const ASSETS = projectPath('assets', 'asylum');
/** Hand-written format samples (test/fixtures/asylum/SOURCES.md). */
export const SAMPLES = projectPath('test', 'fixtures', 'asylum');
