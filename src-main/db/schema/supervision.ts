// Tables of the supervision feature. Owned by that feature; re-exported from index.ts.
export {};
