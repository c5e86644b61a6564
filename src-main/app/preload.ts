import { contextBridge, ipcRenderer } from 'electron';

/**
 * The renderer's only door to main: a fixed object of async calls (never ipcRenderer itself).
 * Main validates every input and checks that the sender is our own app:// page.
 */
contextBridge.exposeInMainWorld('dibao', {
  call: (req: unknown) => ipcRenderer.invoke('dibao:call', req),
  cancel: (jobId: string) => ipcRenderer.invoke('dibao:cancel', jobId),
  onProgress: (cb: (p: unknown) => void) => {
    const listener = (_e: unknown, p: unknown) => cb(p);
    ipcRenderer.on('dibao:progress', listener);
    return () => { ipcRenderer.removeListener('dibao:progress', listener); };
  },
  upload: (req: { name: string; bytes: ArrayBuffer; sessionId: string | null }) => ipcRenderer.invoke('dibao:upload', req),
  openOutbox: (name: string, sessionId: string | null) => ipcRenderer.invoke('dibao:openOutbox', name, sessionId),
  saveOutbox: (name: string, sessionId: string | null) => ipcRenderer.invoke('dibao:saveOutbox', name, sessionId),
  pickFolder: () => ipcRenderer.invoke('dibao:pickFolder'),
});
