import type { PrintDocument } from './document';

/**
 * Every printable document. A feature adds its documents with one import line and one spread here:
 *   import { householdDocuments } from '../features/households/print';   ...householdDocuments,
 */
export const documents: PrintDocument<any>[] = [
];

export function findDocument(name: string): PrintDocument<any> | undefined {
  return documents.find((d) => d.name === name);
}
