/** The case-file operations (issue #13), listed in src/operations/registry.ts. */
import type { AnyOperation } from '../../ops/operation.ts';
import { addApplicationOperation, editStepOperation, listApplicationsOperation, updateApplicationOperation } from './applications.ts';
import { markChecklistItemOperation } from './checklist-mark.ts';
import { createClientOperation } from './create.ts';
import { deleteDocumentOperation } from './delete-document.ts';
import { downloadDocumentOperation } from './download.ts';
import { linkCaseOperation } from './link-case.ts';
import { listClientsOperation } from './list.ts';
import { listMembersOperation } from './members.ts';
import { addNoteOperation } from './note.ts';
import { clientChecklistOperation, clientExclusionOperation } from './prepare.ts';
import { referClientOperation } from './refer.ts';
import { listReferralsOperation } from './referrals.ts';
import { searchClientsOperation } from './search.ts';
import { addServicePeriodOperation } from './service-add.ts';
import { shareClientOperation, unshareClientOperation } from './share.ts';
import { showClientOperation } from './show.ts';
import { clientStatsOperation } from './stats.ts';
import { unlinkCaseOperation } from './unlink-case.ts';
import { updateClientOperation } from './update.ts';
import { uploadDocumentOperation } from './upload.ts';

export const CLIENT_OPERATIONS: readonly AnyOperation[] = [
  listClientsOperation,
  createClientOperation,
  showClientOperation,
  updateClientOperation,
  addServicePeriodOperation,
  addNoteOperation,
  linkCaseOperation,
  unlinkCaseOperation,
  uploadDocumentOperation,
  downloadDocumentOperation,
  deleteDocumentOperation,
  shareClientOperation,
  unshareClientOperation,
  referClientOperation,
  listReferralsOperation,
  searchClientsOperation,
  clientStatsOperation,
  listMembersOperation,
  listApplicationsOperation,
  addApplicationOperation,
  updateApplicationOperation,
  editStepOperation,
  clientChecklistOperation,
  markChecklistItemOperation,
  clientExclusionOperation,
] as AnyOperation[];
