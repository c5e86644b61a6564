// IPC channels of the rechecks feature (filled in by its issue). Registered in features/registry.ts.
export const rechecksChannels = {};
