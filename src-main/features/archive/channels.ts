// IPC channels of the archive feature (filled in by its issue). Registered in features/registry.ts.
export const archiveChannels = {};
