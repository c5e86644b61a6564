import type { z } from 'zod';
import type { AllChannels } from '../../src-main/features/registry';

/** The one typed client. Talks to window.dibao (Electron preload) or the loopback web bridge. */
export type ChannelName = keyof AllChannels & string;
export type In<K extends ChannelName> = z.input<AllChannels[K]['input']>;
export type Out<K extends ChannelName> = Awaited<ReturnType<AllChannels[K]['handler']>>;
type Wire = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; details?: unknown } };

export interface ProgressEvent { jobId: string; channel: string; done: number; total: number; message?: string }

export interface DibaoPreload {
  call(req: { channel: string; input: unknown; sessionId: string | null; jobId?: string }): Promise<Wire>;
  cancel(jobId: string): Promise<void>;
  onProgress(cb: (p: ProgressEvent) => void): () => void;
  upload(req: { name: string; bytes: ArrayBuffer; sessionId: string | null }): Promise<Wire>;
  openOutbox(name: string, sessionId: string | null): Promise<void>;
  saveOutbox(name: string, sessionId: string | null): Promise<string | null>;
  pickFolder(): Promise<string | null>;
}

declare global { interface Window { dibao?: DibaoPreload } }

export class ApiError extends Error {
  constructor(public code: string, message: string, public details?: unknown) { super(message); }
}

let sessionId: string | null = null;
const listeners = new Set<(e: ApiError) => void>();

export const setSession = (id: string | null) => { sessionId = id; };
export const getSession = () => sessionId;
/** The app frame listens here to show the lock screen when main drops an idle session. */
export const onAuthError = (cb: (e: ApiError) => void) => { listeners.add(cb); return () => listeners.delete(cb); };

const bridgeToken = () => document.querySelector<HTMLMetaElement>('meta[name="dibao-bridge-token"]')?.content ?? '';

async function transport(channel: string, input: unknown, jobId?: string): Promise<Wire> {
  if (window.dibao) return window.dibao.call({ channel, input, sessionId, jobId });
  const res = await fetch('./api/call', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dibao-token': bridgeToken(), ...(sessionId ? { 'x-dibao-session': sessionId } : {}) },
    body: JSON.stringify({ channel, input, jobId }),
  });
  return (await res.json()) as Wire;
}

/** Calls one channel; throws ApiError with the Chinese message from main. */
export async function call<K extends ChannelName>(channel: K, input: In<K>, opts: { jobId?: string } = {}): Promise<Out<K>> {
  let wire: Wire;
  try {
    wire = await transport(channel, input, opts.jobId);
  } catch {
    throw new ApiError('NETWORK', '无法连接到后台服务，请重新启动程序');
  }
  if (wire.ok) return wire.value as Out<K>;
  const err = new ApiError(wire.error.code, wire.error.message, wire.error.details);
  if (err.code === 'UNAUTHENTICATED') listeners.forEach((l) => l(err));
  throw err;
}

export function newJobId() { return Math.random().toString(36).slice(2) + Date.now().toString(36); }

export async function cancelJob(jobId: string) {
  if (window.dibao) return window.dibao.cancel(jobId);
  await fetch('./api/cancel', { method: 'POST', headers: { 'content-type': 'application/json', 'x-dibao-token': bridgeToken() }, body: JSON.stringify({ jobId }) });
}

/**
 * Progress events of long jobs (imports, exports, batch printing). In the browser every listener shares one
 * EventSource: each holds an HTTP connection open, and with one per progress bar (a row of export buttons) the
 * browser's six connections per host were used up and the job's own call waited forever.
 */
export function onProgress(cb: (p: ProgressEvent) => void): () => void {
  if (window.dibao) return window.dibao.onProgress(cb);
  progressListeners.add(cb);
  if (!events) {
    events = new EventSource(`./api/events?token=${bridgeToken()}`);
    events.onmessage = (m) => { const p = JSON.parse(m.data) as ProgressEvent; for (const l of [...progressListeners]) l(p); };
  }
  return () => {
    progressListeners.delete(cb);
    if (progressListeners.size === 0 && events) { events.close(); events = null; }
  };
}
const progressListeners = new Set<(p: ProgressEvent) => void>();
let events: EventSource | null = null;

/** Uploads a file chosen in the page (web) and returns its inbox name for a channel's input. */
export async function uploadFile(file: File): Promise<string> {
  if (window.dibao) {
    const wire = await window.dibao.upload({ name: file.name, bytes: await file.arrayBuffer(), sessionId });
    if (!wire.ok) throw new ApiError(wire.error.code, wire.error.message);
    return (wire.value as { inboxName: string }).inboxName;
  }
  const res = await fetch('./api/upload', {
    method: 'POST', body: file,
    headers: { 'x-dibao-token': bridgeToken(), 'x-dibao-session': sessionId ?? '', 'x-file-name': encodeURIComponent(file.name) },
  });
  const wire = (await res.json()) as Wire;
  if (!wire.ok) throw new ApiError(wire.error.code, wire.error.message);
  return (wire.value as { inboxName: string }).inboxName;
}

/** URL of a produced file (PDF/xlsx) in the outbox, for preview or download in web mode. */
export function outboxUrl(name: string, download = false): string {
  if (window.dibao) return `app://dibao/outbox/${encodeURIComponent(name)}?session=${sessionId ?? ''}`;
  return `./api/outbox/${encodeURIComponent(name)}?token=${bridgeToken()}&session=${sessionId ?? ''}${download ? '&download=1' : ''}`;
}

/** Opens a produced file: Electron previews it in the app; the browser opens it in a new tab. */
export async function openOutbox(name: string) {
  if (window.dibao) return window.dibao.openOutbox(name, sessionId);
  window.open(outboxUrl(name), '_blank');
}
