/** Shapes shared by the export, import, erasure, rotation and retention operations. */
import { z } from 'zod';

export const LOCAL_ONLY = 'works on a whole organisation’s keys and files: a command for whoever holds the data folder and the key-encryption key';

export const CountsSchema = z.object({
  members: z.number().int(),
  clients: z.number().int(),
  notes: z.number().int(),
  applications: z.number().int(),
  checklistMarks: z.number().int(),
  documents: z.number().int(),
  shares: z.number().int(),
  referrals: z.number().int(),
});
