// Tables of the rechecks feature. Owned by that feature; re-exported from index.ts.
export {};
