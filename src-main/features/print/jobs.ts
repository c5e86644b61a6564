import fs from 'node:fs';
import { workerJobs } from '../../jobs/contract';
import { outboxDir } from '../../ipc/files';
import { producePdf, type ProducedPdf } from '../../print/render';

export type RenderedInWorker = Omit<ProducedPdf, 'pdf'> & { tempFile: string };

/** Printing runs in a worker: layout and drawing of a whole-township notice take seconds of pure CPU. */
export const printJobs = workerJobs({
  'print.render': async (ctx, i: { document: string; args: unknown }): Promise<RenderedInWorker> => {
    const { pdf, ...meta } = await producePdf(ctx, i.document, i.args);
    const tempFile = ctx.tempFile(outboxDir(ctx.dataDir), '.pdf');
    fs.writeFileSync(tempFile, pdf);
    return { ...meta, tempFile };
  },
});
