/** The organisation operations (issue #13: export, import, erasure, key rotation, retention), listed in src/operations/registry.ts. */
import type { AnyOperation } from '../../ops/operation.ts';
import { eraseOrgOperation } from './erase.ts';
import { exportOrgOperation } from './export.ts';
import { importOrgOperation } from './import.ts';
import { purgeExpiredOperation, setRetentionOperation } from './retention.ts';
import { rotateOrgKeyOperation } from './rotate-key.ts';

export const ORG_OPERATIONS: readonly AnyOperation[] = [
  exportOrgOperation,
  importOrgOperation,
  eraseOrgOperation,
  rotateOrgKeyOperation,
  setRetentionOperation,
  purgeExpiredOperation,
] as AnyOperation[];
