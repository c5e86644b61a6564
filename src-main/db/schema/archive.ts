// Tables of the archive feature. Owned by that feature; re-exported from index.ts.
export {};
