// IPC channels of the backup feature (filled in by its issue). Registered in features/registry.ts.
export const backupChannels = {};
