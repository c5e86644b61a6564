/**
 * Where the shell takes its code and data from. A packaged app ignores DIBAO_APP_ROOT and DIBAO_DATA_DIR: they
 * would let anyone who can set an environment variable load code from outside the integrity-checked asar or point
 * the app at another database. Only a development run (electron . from the source tree) honours them.
 */
export interface ShellFacts { isPackaged: boolean; appPath: string; userData: string; env: NodeJS.ProcessEnv }

export function shellPaths(f: ShellFacts): { appRoot: string; dataDir: string } {
  if (f.isPackaged) return { appRoot: f.appPath, dataDir: f.userData };
  return { appRoot: f.env.DIBAO_APP_ROOT ?? f.appPath, dataDir: f.env.DIBAO_DATA_DIR ?? f.userData };
}

/** Files the shell hands to the OS's own viewer (PDF reader, spreadsheet): only the kinds the app itself writes. */
export const OPENABLE = /\.(pdf|xlsx|csv)$/i;
