// IPC channels of the print engine (print.render, print.list …), filled in by the print issue.
export const printChannels = {};
