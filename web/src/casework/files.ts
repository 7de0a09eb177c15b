/** Small helpers of the case-file pages. */
import type { ClientRecord } from '../types.ts';

/** A client's name as the list shows it (the first Latin spelling, else the first), or null when the role may not see the person. */
export function displayName(record: ClientRecord | null | undefined): string | null {
  const names = record?.person?.names ?? [];
  const name = names.find((n) => n.script === 'latin') ?? names[0];
  if (!name) return null;
  return [name.given, name.patronymic, name.family].filter(Boolean).join(' ');
}

/** A file's bytes as base64 (for POST …/documents). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
