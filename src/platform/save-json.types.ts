/**
 * Where an exported JSON file went: `downloaded` handed to the browser as a download; `saved` written to the
 * mini-program's own folder at `path`, from where it can be sent to a chat.
 */
export type SavedJson = { kind: 'downloaded'; name: string } | { kind: 'saved'; name: string; path: string }
