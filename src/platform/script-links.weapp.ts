/** The mini-program has no links or Content-Security-Policy; only H5 needs script-links.h5.ts. */
export function disarmScriptLinks(): void {}
