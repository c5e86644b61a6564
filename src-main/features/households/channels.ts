// IPC channels of the households feature (filled in by its issue). Registered in features/registry.ts.
export const householdsChannels = {};
