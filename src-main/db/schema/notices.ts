// Tables of the notices feature. Owned by that feature; re-exported from index.ts.
export {};
