// IPC channels of the ledgers feature (filled in by its issue). Registered in features/registry.ts.
export const ledgersChannels = {};
