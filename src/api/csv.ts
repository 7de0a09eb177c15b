/** CSV answers of the API (format=csv): text/csv, always a file name, optionally a BOM for Excel (bom=true). */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { csvAttachment, renderCsv } from '../shared/csv.ts';

/** The query parameter of every route that answers CSV. */
export const bomParam = z.enum(['true', 'false']).optional().describe('with format=csv: start the file with a UTF-8 byte-order mark (for Excel)');

export function sendCsv(
  reply: FastifyReply,
  fileName: string,
  columns: readonly string[],
  rows: readonly object[],
  bom: 'true' | 'false' | undefined,
): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', csvAttachment(fileName))
    .send(renderCsv(columns, rows, { bom: bom === 'true' }));
}
