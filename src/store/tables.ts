// The names of the IndexedDB object stores, in one place: every transaction, migration and test names a
// store through `Table`, so a typo is a compile error instead of a NotFoundError on a user's machine.
// These strings ARE the on-disk store names: changing one abandons that store's data for every user.

export const Table = {
  intents: 'intents',
  turns: 'turns',
  events: 'events',
  userVectors: 'userVectors',
  searchLogs: 'searchLogs',
  settings: 'settings',
  videos: 'videos',
  quarantine: 'quarantine',
} as const;

export type TableName = (typeof Table)[keyof typeof Table];
