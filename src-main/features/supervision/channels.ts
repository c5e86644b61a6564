// IPC channels of the supervision feature (filled in by its issue). Registered in features/registry.ts.
export const supervisionChannels = {};
