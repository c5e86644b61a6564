// IPC channels of the applications feature (filled in by its issue). Registered in features/registry.ts.
export const applicationsChannels = {};
