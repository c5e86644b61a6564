import type { PrintDocument } from './document';
import { archiveDocuments } from '../features/archive/print';
import { rechecksDocuments } from '../features/rechecks/print';
import { noticeDocuments } from '../features/notices/documents';
import { supervisionDocuments } from '../features/supervision/print';
import { applicationDocuments } from '../features/applications/print';
import { ledgersDocuments } from '../features/ledgers/print';
import { householdListDocument } from '../features/households/listExport';

/**
 * Every printable document. A feature adds its documents with one import line and one spread here:
 *   import { householdDocuments } from '../features/households/print';   ...householdDocuments,
 */
export const documents: PrintDocument<any>[] = [
  ...archiveDocuments,
  ...rechecksDocuments,
  ...noticeDocuments,
  ...supervisionDocuments,
  ...applicationDocuments,
  ...ledgersDocuments,
  householdListDocument,
];

export function findDocument(name: string): PrintDocument<any> | undefined {
  return documents.find((d) => d.name === name);
}
