// IPC channels of the notices feature (filled in by its issue). Registered in features/registry.ts.
export const noticesChannels = {};
