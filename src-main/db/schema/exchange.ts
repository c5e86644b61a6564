// Tables of the exchange feature. Owned by that feature; re-exported from index.ts.
export {};
