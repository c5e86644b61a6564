export const rosterChannels = {};
