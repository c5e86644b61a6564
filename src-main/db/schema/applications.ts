// Tables of the applications feature. Owned by that feature; re-exported from index.ts.
export {};
