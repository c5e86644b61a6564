import { bagCatalogue, bagCover, bagRemarks } from './bag';
import { boxSpines, completenessSheet } from './reports';

/** The archive's printables, appended to the print engine's documents list. */
export const archiveDocuments = [bagCover, bagCatalogue, bagRemarks, boxSpines, completenessSheet];
