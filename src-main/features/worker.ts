// Entry of the job worker thread (tsx in dev/tests/CLI/web; bundled to dist-main/app/worker.cjs for the app).
import { serveJobs } from '../jobs/host';
import { allWorkerJobs } from './jobs';

serveJobs(allWorkerJobs);
